package org.mechlp.solver.symmetry;

import org.mechlp.solver.lp.Row;

/**
 * Checks, in one pass over the rows and in constant memory, whether column permutations map the multiset of rows to
 * itself: the sum (mod 2^64, in two independent halves) of the rows' {@link RowFingerprint}s must equal the sum of
 * their images' fingerprints. Equal multisets imply that every row's image is a row, which is what invariance needs;
 * a non-invariant permutation passes only on a 128-bit coincidence.
 */
final class InvarianceCheck {
  private final int[][] maps;
  private long baseHigh;
  private long baseLow;
  private final long[] imageHigh;
  private final long[] imageLow;

  /** A check of every permutation in {@code maps} (column j goes to {@code maps[g][j]}). */
  InvarianceCheck(int[][] maps) {
    this.maps = maps;
    this.imageHigh = new long[maps.length];
    this.imageLow = new long[maps.length];
  }

  /** Takes one row into account. */
  void accept(Row row) {
    RowFingerprint base = RowFingerprint.of(row, null);
    baseHigh += base.high();
    baseLow += base.low();
    for (int g = 0; g < maps.length; g++) {
      RowFingerprint image = RowFingerprint.of(row, maps[g]);
      imageHigh[g] += image.high();
      imageLow[g] += image.low();
    }
  }

  /** Whether permutation {@code g} maps the rows seen to themselves. */
  boolean holds(int g) {
    return imageHigh[g] == baseHigh && imageLow[g] == baseLow;
  }
}
