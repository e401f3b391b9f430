package org.vigil.storage;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Time-ordered identifiers (UUID version 7, RFC 9562). New rows land at the end of the primary
 * key's B-tree instead of at random places, which keeps bulk intake fast on both databases.
 *
 * <p>Ids are not secrets: every read of a record needs a token of a role allowed to see it. So the
 * random bits come from a fast per-thread generator rather than a cryptographic one, which would
 * cost a hash computation per id on the intake path.
 */
public final class Ids {
  private Ids() {}

  public static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long millis = System.currentTimeMillis();
    long msb = (millis << 16) | (0x7L << 12) | random.nextInt(1 << 12);
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
