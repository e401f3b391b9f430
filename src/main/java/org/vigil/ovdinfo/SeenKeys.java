package org.vigil.ovdinfo;

/**
 * The natural keys already read from one file, with the line of each, for a million rows without a
 * million strings kept: each key is held as a 64-bit hash in an open-addressing table. Two
 * different keys of one file share a hash with a chance of about n²/2⁶⁵ (3·10⁻⁸ for a million
 * rows); the cost of that would be one row wrongly rejected as a duplicate, with its line shown.
 */
final class SeenKeys {
  private static final long EMPTY = 0;

  private long[] hashes = new long[1 << 12];
  private long[] lines = new long[1 << 12];
  private int size;

  /** Records the key's line; returns the line it was first seen on, or -1 if it is new. */
  long putIfAbsent(String key, long line) {
    if (2 * (size + 1) > hashes.length) {
      grow();
    }
    long hash = hash(key);
    int slot = slot(hash, hashes.length);
    while (hashes[slot] != EMPTY) {
      if (hashes[slot] == hash) {
        return lines[slot];
      }
      slot = (slot + 1) & (hashes.length - 1);
    }
    hashes[slot] = hash;
    lines[slot] = line;
    size++;
    return -1;
  }

  private void grow() {
    long[] oldHashes = hashes;
    long[] oldLines = lines;
    hashes = new long[oldHashes.length * 2];
    lines = new long[oldHashes.length * 2];
    for (int i = 0; i < oldHashes.length; i++) {
      if (oldHashes[i] != EMPTY) {
        int slot = slot(oldHashes[i], hashes.length);
        while (hashes[slot] != EMPTY) {
          slot = (slot + 1) & (hashes.length - 1);
        }
        hashes[slot] = oldHashes[i];
        lines[slot] = oldLines[i];
      }
    }
  }

  private static int slot(long hash, int capacity) {
    return (int) (hash ^ (hash >>> 32)) & (capacity - 1);
  }

  /** FNV-1a over the UTF-16 units, finished with a 64-bit mix; never the empty marker 0. */
  private static long hash(String key) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      hash = (hash ^ key.charAt(i)) * 0x100000001b3L;
    }
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    return hash == EMPTY ? 1 : hash;
  }
}
