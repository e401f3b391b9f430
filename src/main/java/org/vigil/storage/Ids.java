package org.vigil.storage;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered identifiers (UUID version 7, RFC 9562). New rows land at the end of the primary
 * key's B-tree instead of at random places, which keeps bulk intake fast on both databases.
 */
public final class Ids {
  // One shared DRBG: the default NativePRNG serialises callers on a file lock, and a generator
  // per thread would be seeded anew for every request's virtual thread.
  private static final SecureRandom RANDOM = drbg();

  private Ids() {}

  private static SecureRandom drbg() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  public static String next() {
    long millis = System.currentTimeMillis();
    long randA = RANDOM.nextInt(1 << 12);
    long msb = (millis << 16) | (0x7L << 12) | randA;
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
