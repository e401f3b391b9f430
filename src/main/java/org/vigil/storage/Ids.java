package org.vigil.storage;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered identifiers (UUID version 7, RFC 9562). New rows land at the end of the primary
 * key's B-tree instead of at random places, which keeps bulk intake fast on both databases, and ids
 * made by one process are strictly increasing (a 12-bit counter within the millisecond, RFC 9562
 * method 1), so ordering by id is ordering by creation.
 *
 * <p>Ids are not secrets: every read of a record needs a token of a role allowed to see it. So the
 * random bits come from a fast per-thread generator rather than a cryptographic one, which would
 * cost a hash computation per id on the intake path.
 */
public final class Ids {
  /** The last (millisecond << 12 | counter) handed out. */
  private static final AtomicLong LAST = new AtomicLong();

  private Ids() {}

  public static String next() {
    // More than 4,096 ids in one millisecond borrow the next millisecond rather than repeat.
    long stamp = LAST.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() << 12));
    long msb = ((stamp >>> 12) << 16) | (0x7L << 12) | (stamp & 0xFFF);
    long lsb = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  /**
   * The smallest id made at or after {@code millis}: rows made since a moment are those whose id is
   * not below it (ids of one process increase; another node's clock may differ by its skew).
   */
  public static String at(long millis) {
    return new UUID(millis << 16, 0).toString();
  }
}
