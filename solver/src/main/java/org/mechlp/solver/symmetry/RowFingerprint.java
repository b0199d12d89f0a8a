package org.mechlp.solver.symmetry;

import java.math.BigInteger;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.Row;

/**
 * A 128-bit fingerprint of a row's canonical form (its column/coefficient pairs sorted by column, its sense and its
 * exact right-hand side), optionally after relabelling its columns. Two rows with the same canonical form have the
 * same fingerprint; two different rows collide with probability about 2^-128 per pair, so a set of the fingerprints
 * of half a million rows stands in for the rows themselves (16 bytes each) when checking that a column permutation
 * maps every row to a row.
 *
 * @param high the first 64 bits
 * @param low the second 64 bits
 */
public record RowFingerprint(long high, long low) {
  private static final long SEED_HIGH = 0x9E3779B97F4A7C15L;
  private static final long SEED_LOW = 0xC2B2AE3D27D4EB4FL;

  /** The fingerprint of {@code row} with column j renamed {@code columnMap[j]} (null: no renaming). */
  public static RowFingerprint of(Row row, int[] columnMap) {
    int[] cols = row.columns();
    int len = cols.length;
    long[] keyed = new long[len];
    for (int i = 0; i < len; i++) {
      int c = columnMap == null ? cols[i] : columnMap[cols[i]];
      // Column in the high half, position in the row in the low half: sorting orders by column.
      keyed[i] = ((long) c << 32) | i;
    }
    java.util.Arrays.sort(keyed);
    long h = SEED_HIGH;
    long l = SEED_LOW;
    for (long k : keyed) {
      int col = (int) (k >>> 32);
      BigFraction coef = row.coefficients()[(int) k];
      h = step(h, col);
      l = step2(l, col);
      h = fraction(h, coef, false);
      l = fraction(l, coef, true);
    }
    h = step(h, row.sense().ordinal() + 7);
    l = step2(l, row.sense().ordinal() + 7);
    h = fraction(h, row.rhs(), false);
    l = fraction(l, row.rhs(), true);
    return new RowFingerprint(mix(h ^ len), mix2(l + len));
  }

  private static long fraction(long h, BigFraction f, boolean second) {
    h = integer(h, f.getNumerator(), second);
    return integer(h, f.getDenominator(), second);
  }

  private static long integer(long h, BigInteger v, boolean second) {
    if (v.bitLength() < 63) {
      return second ? step2(h, v.longValue()) : step(h, v.longValue());
    }
    for (byte b : v.toByteArray()) {
      h = second ? step2(h, b) : step(h, b);
    }
    return second ? step2(h, v.bitLength()) : step(h, v.bitLength());
  }

  private static long step(long h, long v) {
    return mix(h * 0xBF58476D1CE4E5B9L + v);
  }

  private static long step2(long h, long v) {
    return mix2((h ^ v) * 0x94D049BB133111EBL + 0x2545F4914F6CDD1DL);
  }

  /** splitmix64's finalizer. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** murmur3's fmix64, a second, independent finalizer. */
  private static long mix2(long z) {
    z ^= z >>> 33;
    z *= 0xFF51AFD7ED558CCDL;
    z ^= z >>> 33;
    z *= 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }
}
