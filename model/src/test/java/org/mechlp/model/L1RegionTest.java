package org.mechlp.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** The exact normalization of counts and the vertices of the L1 credible region. */
class L1RegionTest {
  @Property(tries = 200)
  void countsNormalizeExactly(@ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 1000) Integer> raw) {
    List<BigInteger> counts = raw.stream().map(BigInteger::valueOf).toList();
    BigInteger total = counts.stream().reduce(BigInteger.ZERO, BigInteger::add);
    if (total.signum() == 0) {
      return;
    }
    List<BigFraction> law = SampleCounts.normalize(counts);
    // Exactly 1 in rational arithmetic, and each entry exactly count / total (not a rounded decimal).
    assertThat(law.stream().reduce(BigFraction.ZERO, BigFraction::add)).isEqualTo(BigFraction.ONE);
    for (int t = 0; t < counts.size(); t++) {
      assertThat(law.get(t).multiply(total)).isEqualTo(new BigFraction(counts.get(t)));
    }
  }

  @Test
  void handExample() {
    // (1/4, 3/4) with r = 1/2: a quarter of the mass moves either way; (0, 1) and (1/2, 1/2).
    List<List<BigFraction>> v =
        L1Region.vertices(List.of(new BigFraction(1, 4), new BigFraction(3, 4)), new BigFraction(1, 2), 100);
    assertThat(v).containsExactlyInAnyOrder(
        List.of(new BigFraction(1, 2), new BigFraction(1, 2)), List.of(BigFraction.ZERO, BigFraction.ONE));
  }

  @Test
  void aRadiusOfTwoGivesTheSimplexCorners() {
    List<List<BigFraction>> v = L1Region.vertices(
        List.of(new BigFraction(1, 3), new BigFraction(1, 3), new BigFraction(1, 3)), BigFraction.TWO, 100);
    assertThat(v).hasSize(3).allMatch(q -> q.stream().filter(x -> x.equals(BigFraction.ONE)).count() == 1);
  }

  /**
   * Every listed point lies in the region, and no point of the region has a lower value of a linear function than
   * the best listed point: checked against random points of the region (random mass moves, scaled into the ball).
   */
  @Property(tries = 150)
  void verticesLieInTheRegionAndAttainEveryLinearMinimum(
      @ForAll @Size(min = 2, max = 5) List<@IntRange(min = 0, max = 6) Integer> raw,
      @ForAll @IntRange(min = 0, max = 8) int radiusEighths,
      @ForAll("seeds") long seed) {
    if (raw.stream().mapToInt(Integer::intValue).sum() == 0) {
      return;
    }
    List<BigFraction> center = SampleCounts.normalize(raw.stream().map(BigInteger::valueOf).toList());
    BigFraction r = new BigFraction(radiusEighths, 4);
    List<List<BigFraction>> vertices = L1Region.vertices(center, r, 10_000);
    for (List<BigFraction> q : vertices) {
      assertThat(q.stream().reduce(BigFraction.ZERO, BigFraction::add)).isEqualTo(BigFraction.ONE);
      assertThat(q).allMatch(x -> x.getNumerator().signum() >= 0);
      assertThat(l1(q, center).compareTo(r)).isLessThanOrEqualTo(0);
    }
    Random random = new Random(seed);
    int k = center.size();
    for (int trial = 0; trial < 20; trial++) {
      double[] c = new double[k];
      for (int t = 0; t < k; t++) {
        c[t] = random.nextDouble() * 10 - 5;
      }
      double best = Double.POSITIVE_INFINITY;
      for (List<BigFraction> q : vertices) {
        best = Math.min(best, dot(c, q));
      }
      for (int s = 0; s < 30; s++) {
        List<BigFraction> q = randomPoint(center, r, random);
        assertThat(dot(c, q)).isGreaterThanOrEqualTo(best - 1e-12);
      }
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Long> seeds() {
    return net.jqwik.api.Arbitraries.longs();
  }

  /** A point of the region: a random point of the simplex, pulled toward the center until it is within r. */
  private static List<BigFraction> randomPoint(List<BigFraction> center, BigFraction r, Random random) {
    int k = center.size();
    long[] w = new long[k];
    long total = 0;
    for (int t = 0; t < k; t++) {
      w[t] = random.nextInt(20);
      total += w[t];
    }
    List<BigFraction> q = new ArrayList<>();
    for (int t = 0; t < k; t++) {
      q.add(total == 0 ? center.get(t) : new BigFraction(w[t], total));
    }
    BigFraction d = l1(q, center);
    if (d.compareTo(r) <= 0) {
      return q;
    }
    // center + (r / d) (q - center) is in the simplex (a convex combination) and at distance exactly r.
    BigFraction s = r.divide(d);
    List<BigFraction> p = new ArrayList<>();
    for (int t = 0; t < k; t++) {
      p.add(center.get(t).add(s.multiply(q.get(t).subtract(center.get(t)))));
    }
    return p;
  }

  private static BigFraction l1(List<BigFraction> a, List<BigFraction> b) {
    BigFraction sum = BigFraction.ZERO;
    for (int t = 0; t < a.size(); t++) {
      sum = sum.add(a.get(t).subtract(b.get(t)).abs());
    }
    return sum;
  }

  private static double dot(double[] c, List<BigFraction> q) {
    double sum = 0;
    for (int t = 0; t < c.length; t++) {
      sum += c[t] * q.get(t).doubleValue();
    }
    return sum;
  }
}
