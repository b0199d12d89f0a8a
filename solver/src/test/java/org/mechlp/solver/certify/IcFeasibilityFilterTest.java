package org.mechlp.solver.certify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.families.VariableIndex;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.testing.Grids;

/**
 * The exact IC filter against the family's own rows evaluated one by one in {@link BigFraction} (the independent
 * side), and its floating-point error bound against rows built to lie just inside or outside it.
 */
class IcFeasibilityFilterTest {
  /**
   * One buyer with types lo (value 1/2) and hi (value 1), outcomes none and sold, DSIC: two IC rows. The point gives
   * lo the lottery 1/3 at price 0 and hi the good at price 2/3 - eps, so hi's row against reporting lo has exact
   * shortfall 1/3 - (1 - (2/3 - eps)) = -eps, and lo's row against reporting hi has shortfall 1/2 - (2/3 - eps) - 1/6
   * = eps - 1/3, far from tight.
   */
  private static CompiledProblem twoTypes() throws InvalidInputException {
    String json =
        "{\"format\": \"mechlp/1\", \"name\": \"two-types\", \"agents\": [{\"name\": \"buyer\", \"types\":"
            + " [{\"name\": \"lo\", \"v\": \"1/2\"}, {\"name\": \"hi\", \"v\": 1}], \"prior\": [\"1/2\", \"1/2\"]}],"
            + " \"outcomes\": [\"none\", \"sold\"], \"valuations\": {\"buyer\": {\"expression\": {\"sold\": \"v\"}}},"
            + " \"mechanism\": {\"ic\": \"dsic\", \"ir\": \"expost\"}, \"objective\": \"revenue\"}";
    Problem problem = ProblemReader.read(json, "two-types");
    return LpCompiler.compile(problem);
  }

  private static BigFraction[] point(CompiledProblem compiled, BigFraction eps) {
    VariableIndex v = compiled.variables();
    BigFraction[] x = new BigFraction[v.columnCount()];
    x[v.allocation(0, 0)] = new BigFraction(2, 3);
    x[v.allocation(0, 1)] = new BigFraction(1, 3);
    x[v.transfer(0, 0)] = BigFraction.ZERO;
    x[v.allocation(1, 0)] = BigFraction.ZERO;
    x[v.allocation(1, 1)] = BigFraction.ONE;
    x[v.transfer(1, 0)] = new BigFraction(2, 3).subtract(eps);
    return x;
  }

  private static ConstraintFamily ic(CompiledProblem compiled) {
    return compiled.lp().families().stream().filter(ConstraintFamily::isIncentiveConstraint).findFirst().orElseThrow();
  }

  @Test
  void aRowInsideTheErrorBoundIsDecidedInExactArithmetic() throws InvalidInputException {
    CompiledProblem compiled = twoTypes();
    ConstraintFamily ic = ic(compiled);
    IcFeasibilityFilter filter = IcFeasibilityFilter.of(ic, compiled.variables()).orElseThrow();
    // Each utility sums m + 1 = 3 products, both absolute sums are at most 4/3: the bound is about 2.5e-15.
    double bound = IcFeasibilityFilter.errorBound(3, 1, 4.0 / 3);
    assertThat(bound).isBetween(1e-15, 1e-14);

    BigFraction inside = new BigFraction(1, 10_000_000_000_000_000L); // 1e-16, below the bound: undecidable in floats
    IcFeasibilityFilter.Result slack = filter.check(point(compiled, inside), 10);
    assertThat(slack.feasible()).isTrue();
    assertThat(slack.pairs()).isEqualTo(2);
    assertThat(slack.exactPairs()).isEqualTo(1);

    IcFeasibilityFilter.Result violated = filter.check(point(compiled, inside.negate()), 10);
    assertThat(violated.violationCount()).isEqualTo(1);
    assertThat(violated.violations().get(0).amount()).isEqualTo(inside);
    assertThat(violated.violations().get(0).key()).containsExactly(0, 1, 0);

    IcFeasibilityFilter.Result tight = filter.check(point(compiled, BigFraction.ZERO), 10);
    assertThat(tight.feasible()).isTrue();
    assertThat(tight.bindingCount()).isEqualTo(1);

    BigFraction outside = new BigFraction(1, 1_000_000); // far beyond the bound: the float filter decides it
    IcFeasibilityFilter.Result far = filter.check(point(compiled, outside), 10);
    assertThat(far.feasible()).isTrue();
    assertThat(far.exactPairs()).isZero();
  }

  @Test
  void theBoundGrowsWithTheTermsAndTheMagnitudes() {
    double u = 0x1p-53;
    assertThat(IcFeasibilityFilter.errorBound(3, 1, 1)).isGreaterThan(2 * 9 * u * 2 * 0.999);
    assertThat(IcFeasibilityFilter.errorBound(30, 1, 1)).isGreaterThan(IcFeasibilityFilter.errorBound(3, 1, 1));
    assertThat(IcFeasibilityFilter.errorBound(3, 1000, 1)).isGreaterThan(IcFeasibilityFilter.errorBound(3, 1, 1));
  }

  @Test
  void nearestRoundsHugeFractionsCorrectly() {
    // BigFraction.doubleValue divides two rounded doubles (or gives NaN past 2^1024); the filter needs the nearest.
    java.math.BigInteger big = java.math.BigInteger.TEN.pow(400);
    BigFraction third = new BigFraction(big, big.multiply(java.math.BigInteger.valueOf(3)));
    assertThat(IcFeasibilityFilter.nearest(third)).isEqualTo(1.0 / 3);
    assertThat(IcFeasibilityFilter.nearest(new BigFraction(-7, 2))).isEqualTo(-3.5);
  }

  /** A grid problem and a random exact point whose values come from a few fractions, so that many rows tie. */
  record Case(int n, boolean bayesian, long seed) {}

  @Provide
  Arbitrary<Case> cases() {
    return Combinators.combine(Arbitraries.integers().between(2, 4), Arbitraries.of(true, false),
        Arbitraries.longs()).as(Case::new);
  }

  @Property(tries = 60)
  void theFilterFindsExactlyTheViolatedAndBindingRows(@ForAll("cases") Case c) {
    CompiledProblem compiled =
        LpCompiler.compile(Grids.twoItems(c.n(), c.bayesian() ? "bic" : "dsic", c.bayesian() ? "interim" : "expost"));
    ConstraintFamily ic = ic(compiled);
    java.util.Random random = new java.util.Random(c.seed());
    BigFraction[] palette = {
      BigFraction.ZERO, BigFraction.ONE, new BigFraction(1, 2), new BigFraction(1, 3), new BigFraction(2, 3),
      new BigFraction(3), new BigFraction(7, 2), new BigFraction(5), new BigFraction(1, 7)
    };
    BigFraction[] x = new BigFraction[compiled.lp().columnCount()];
    for (int j = 0; j < x.length; j++) {
      x[j] = palette[random.nextInt(palette.length)];
      if (random.nextInt(4) == 0) { // a near tie that floats cannot decide
        x[j] = x[j].add(new BigFraction(random.nextBoolean() ? 1 : -1, 1L << 60));
      }
    }
    long violated = 0;
    long binding = 0;
    for (Row row : ic.rows()) {
      if (row.violation(x).getNumerator().signum() != 0) {
        violated++;
      } else if (row.activity(x).equals(row.rhs())) {
        binding++;
      }
    }
    IcFeasibilityFilter.Result result =
        IcFeasibilityFilter.of(ic, compiled.variables()).orElseThrow().check(x, Integer.MAX_VALUE);
    assertThat(result.applied()).isTrue();
    assertThat(result.violationCount()).as("violated rows").isEqualTo(violated);
    assertThat(result.bindingCount()).as("binding rows").isEqualTo(binding);
    for (IcFeasibilityFilter.Violation v : result.violations()) {
      assertThat(ic.rowOf(v.key()).violation(x)).as(Arrays.toString(v.key())).isEqualTo(v.amount());
    }
  }
}
