package org.mechlp.solver.features;

/**
 * The most violated pairs seen, at most a capacity of them: a min-heap on the shortfall over primitive arrays, so a
 * scan of 10^9 pairs keeps its candidates without boxing.
 */
final class WorstPairs {
  private final double[] shortfall;
  private final long[] pair;
  private int size;
  private long seen;

  WorstPairs(int capacity) {
    shortfall = new double[Math.max(1, capacity)];
    pair = new long[shortfall.length];
  }

  /** Offers a violated pair. */
  void offer(long p, double s) {
    seen++;
    if (size < shortfall.length) {
      int at = size++;
      shortfall[at] = s;
      pair[at] = p;
      up(at);
    } else if (s > shortfall[0]) {
      shortfall[0] = s;
      pair[0] = p;
      down(0);
    }
  }

  /** Every violated pair offered, kept or not. */
  long seen() {
    return seen;
  }

  int size() {
    return size;
  }

  /** Adds {@code other}'s pairs to this one. */
  void addAll(WorstPairs other) {
    long before = seen;
    for (int i = 0; i < other.size; i++) {
      offer(other.pair[i], other.shortfall[i]);
    }
    seen = before + other.seen;
  }

  /** The kept pairs, most violated first. */
  long[] pairsWorstFirst() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(shortfall[b], shortfall[a]));
    long[] out = new long[size];
    for (int i = 0; i < size; i++) {
      out[i] = pair[order[i]];
    }
    return out;
  }

  private void up(int at) {
    while (at > 0) {
      int parent = (at - 1) / 2;
      if (shortfall[parent] <= shortfall[at]) {
        return;
      }
      swap(at, parent);
      at = parent;
    }
  }

  private void down(int at) {
    while (true) {
      int left = 2 * at + 1;
      int smallest = at;
      if (left < size && shortfall[left] < shortfall[smallest]) {
        smallest = left;
      }
      if (left + 1 < size && shortfall[left + 1] < shortfall[smallest]) {
        smallest = left + 1;
      }
      if (smallest == at) {
        return;
      }
      swap(at, smallest);
      at = smallest;
    }
  }

  private void swap(int a, int b) {
    double s = shortfall[a];
    shortfall[a] = shortfall[b];
    shortfall[b] = s;
    long p = pair[a];
    pair[a] = pair[b];
    pair[b] = p;
  }
}
