package org.mechlp.solver.features;

import java.util.Arrays;

/**
 * The IC rows (t, s) in the feature LP, each with its row index: an open-addressing hash map from the pair packed in a
 * long to an int, so that scans over 10^9 pairs look rows up without boxing. Not thread-safe for writes; concurrent
 * reads are safe once writing has stopped.
 */
final class PairIndex {
  private static final long EMPTY = -1;

  private long[] keys = new long[1 << 12];
  private int[] rows = new int[1 << 12];
  private int size;

  PairIndex() {
    Arrays.fill(keys, EMPTY);
  }

  static long pair(int t, int s) {
    return ((long) t << 32) | (s & 0xffffffffL);
  }

  static int trueType(long pair) {
    return (int) (pair >>> 32);
  }

  static int report(long pair) {
    return (int) pair;
  }

  int size() {
    return size;
  }

  /** The row of (t, s), or -1. */
  int row(int t, int s) {
    long key = pair(t, s);
    int mask = keys.length - 1;
    for (int at = hash(key) & mask; ; at = (at + 1) & mask) {
      if (keys[at] == key) {
        return rows[at];
      }
      if (keys[at] == EMPTY) {
        return -1;
      }
    }
  }

  boolean contains(int t, int s) {
    return row(t, s) >= 0;
  }

  /** Records (t, s) as row {@code row}; a pair already present keeps its row. */
  void put(int t, int s, int row) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    long key = pair(t, s);
    int mask = keys.length - 1;
    for (int at = hash(key) & mask; ; at = (at + 1) & mask) {
      if (keys[at] == key) {
        return;
      }
      if (keys[at] == EMPTY) {
        keys[at] = key;
        rows[at] = row;
        size++;
        return;
      }
    }
  }

  /** Every pair with its row: pairs[j], rows[j]. */
  long[][] entries() {
    long[] pairs = new long[size];
    long[] at = new long[size];
    int j = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        pairs[j] = keys[i];
        at[j++] = rows[i];
      }
    }
    return new long[][] {pairs, at};
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldRows = rows;
    keys = new long[oldKeys.length * 2];
    rows = new int[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        put(trueType(oldKeys[i]), report(oldKeys[i]), oldRows[i]);
      }
    }
  }

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
