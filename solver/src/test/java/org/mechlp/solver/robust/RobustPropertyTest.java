package org.mechlp.solver.robust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Problem;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;

/**
 * Properties of robust objectives on random single-item problems (1 or 2 bidders, 2 or 3 types with integer values,
 * two random priors per bidder), each checked against independent solves of single-prior problems:
 *
 * <ul>
 *   <li>the max-min value is at most every prior's own optimum, and equals it for a set of one prior;
 *   <li>the largest regret is at least 0, and it is 0 exactly when one mechanism is optimal under every prior, that
 *       is when the best mechanism for the average prior earns the average of the priors' own optima.
 * </ul>
 */
class RobustPropertyTest {
  private static final double TOLERANCE = 1e-7;

  /** Values per bidder and type; two priors' weights per bidder and type (each row has a positive entry). */
  record Data(int[][] values, int[][][] weights, boolean bic) {
    @Override
    public String toString() {
      return "values " + Arrays.deepToString(values) + ", prior weights " + Arrays.deepToString(weights)
          + (bic ? ", BIC and interim IR" : ", DSIC and ex post IR");
    }
  }

  @Provide
  Arbitrary<Data> problems() {
    return Combinators.combine(Arbitraries.integers().between(1, 2), Arbitraries.integers().between(2, 3),
            Arbitraries.of(true, false))
        .flatAs((n, k, bic) -> {
          Arbitrary<int[][]> values =
              Arbitraries.integers().between(0, 5).array(int[].class).ofSize(k).array(int[][].class).ofSize(n);
          Arbitrary<int[]> row = Arbitraries.integers().between(0, 3).array(int[].class).ofSize(k)
              .filter(r -> Arrays.stream(r).sum() > 0);
          Arbitrary<int[][][]> weights = row.array(int[][].class).ofSize(n).array(int[][][].class).ofSize(2);
          return Combinators.combine(values, weights).as((v, w) -> new Data(v, w, bic));
        });
  }

  /** The law of weights {@code w} as a JSON array of fractions. */
  private static String law(int[] w) {
    int total = Arrays.stream(w).sum();
    List<String> p = new ArrayList<>();
    for (int x : w) {
      p.add("\"" + x + "/" + total + "\"");
    }
    return "[" + String.join(", ", p) + "]";
  }

  private static String agents(Data d, int prior) {
    List<String> agents = new ArrayList<>();
    for (int i = 0; i < d.values().length; i++) {
      List<String> types = new ArrayList<>();
      for (int t = 0; t < d.values()[i].length; t++) {
        types.add("{\"name\": \"t" + t + "\", \"value\": " + d.values()[i][t] + "}");
      }
      agents.add("{\"name\": \"b" + i + "\", \"types\": [" + String.join(", ", types) + "]"
          + (prior >= 0 ? ", \"prior\": " + law(d.weights()[prior][i]) : "") + "}");
    }
    return "[" + String.join(", ", agents) + "]";
  }

  private static String member(Data d, int prior) {
    List<String> laws = new ArrayList<>();
    for (int i = 0; i < d.values().length; i++) {
      laws.add("\"b" + i + "\": " + law(d.weights()[prior][i]));
    }
    return "{\"name\": \"p" + prior + "\", \"agents\": {" + String.join(", ", laws) + "}}";
  }

  private static String file(Data d, String agents, String prior, String robust) {
    String mechanism = d.bic() ? "{\"ic\": \"bic\", \"ir\": \"interim\"}" : "{\"ic\": \"dsic\", \"ir\": \"expost\"}";
    return "{\"format\": \"mechlp/1\", \"name\": \"random\", \"agents\": " + agents + prior
        + ", \"outcomes\": {\"shortcut\": \"single-item\"}, \"mechanism\": " + mechanism
        + ", \"objective\": {\"maximize\": \"revenue\"" + robust + "}}";
  }

  /** The problem under prior {@code k} alone, an ordinary single-prior problem. */
  private static Problem alone(Data d, int k) {
    return Robust.read(file(d, agents(d, k), "", ""));
  }

  private static Problem set(Data d, String robust, int... members) {
    List<String> list = new ArrayList<>();
    for (int k : members) {
      list.add(member(d, k));
    }
    return Robust.read(file(d, agents(d, -1), ", \"prior\": {\"set\": [" + String.join(", ", list) + "]}",
        robust));
  }

  @Property(tries = 40)
  void maxminIsAtMostEveryPriorsOwnOptimum(@ForAll("problems") Data d) {
    double maxmin = Robust.value(set(d, ", \"robust\": \"maxmin\"", 0, 1));
    for (int k = 0; k < 2; k++) {
      // Each prior alone imposes its own BIC and interim IR only, a superset of the robust mechanisms.
      assertThat(maxmin).as("prior %d", k).isLessThanOrEqualTo(Robust.value(alone(d, k)) + TOLERANCE);
    }
  }

  @Property(tries = 30)
  void aSetOfOnePriorIsThatPriorsProblem(@ForAll("problems") Data d) {
    assertThat(Robust.value(set(d, "", 1))).isCloseTo(Robust.value(alone(d, 1)), org.assertj.core.api.Assertions
        .within(TOLERANCE));
  }

  @Property(tries = 40)
  @StatisticsReport(onFailureOnly = true)
  // Both sides of the equivalence also have a fixed case: RobustInstancesTest (regret 2/5, and regret 0).
  void regretIsNonNegativeAndZeroExactlyWhenOneMechanismIsOptimalForEveryPrior(@ForAll("problems") Data d0) {
    // DSIC and ex post IR are prior-free, so each prior's own optimum is its single-prior problem's optimum.
    Data d = new Data(d0.values(), d0.weights(), false);
    SolveReport regret = Robust.solve(set(d, ", \"robust\": \"regret\"", 0, 1));
    assertThat(regret.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(regret.objective()).isGreaterThanOrEqualTo(-TOLERANCE);
    double own0 = Robust.value(alone(d, 0));
    double own1 = Robust.value(alone(d, 1));
    // Revenue is linear in the prior: one mechanism is optimal under both priors iff the best mechanism for their
    // average earns the average of their optima (it can never earn more).
    double average = Robust.value(Robust.read(file(d, agents(d, -1), ", \"prior\": " + averagePrior(d), "")));
    boolean common = average >= (own0 + own1) / 2 - TOLERANCE;
    Statistics.collect(common ? "one mechanism optimal for both priors" : "no common optimum");
    assertThat(regret.objective() <= TOLERANCE).as("regret %s, average optimum %s, own optima %s and %s",
        regret.objective(), average, own0, own1).isEqualTo(common);
  }

  /** The joint prior (p0 + p1) / 2 over type profiles, with p_k the product of the bidders' laws under prior k. */
  private static String averagePrior(Data d) {
    int n = d.values().length;
    int k = d.values()[0].length;
    List<String> entries = new ArrayList<>();
    int profiles = (int) Math.pow(k, n);
    for (int p = 0; p < profiles; p++) {
      int[] types = new int[n];
      int rest = p;
      for (int i = n - 1; i >= 0; i--) {
        types[i] = rest % k;
        rest /= k;
      }
      BigFraction sum = BigFraction.ZERO;
      for (int prior = 0; prior < 2; prior++) {
        BigFraction product = BigFraction.ONE;
        for (int i = 0; i < n; i++) {
          int[] w = d.weights()[prior][i];
          product = product.multiply(new BigFraction(w[types[i]], Arrays.stream(w).sum()));
        }
        sum = sum.add(product);
      }
      List<String> names = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        names.add("\"b" + i + "\": \"t" + types[i] + "\"");
      }
      entries.add("{\"types\": {" + String.join(", ", names) + "}, \"p\": \"" + sum.divide(2).getNumerator() + "/"
          + sum.divide(2).getDenominator() + "\"}");
    }
    return "[" + String.join(", ", entries) + "]";
  }
}
