package org.mechlp.solver.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;

/** Comparisons of shipped instances against values derived by hand or from the literature. */
class ComparisonsTest {
  static Problem instance(String name) throws Exception {
    return ProblemReader.read(Path.of(System.getProperty("instances.dir"), name + ".json"));
  }

  static Comparison compare(String name, int jobs) throws Exception {
    return Comparisons.compare(instance(name), CompareOptions.defaults(BuiltInSource.NONE).withJobs(jobs));
  }

  static BigFraction f(int numerator, int denominator) {
    return new BigFraction(numerator, denominator);
  }

  /** The exact value of a quantity (the rows of these small LPs are certified or read back exactly). */
  static BigFraction exact(Quantity q) {
    assertThat(q).isNotNull();
    assertThat(q.exact()).as("exact value of %s", q).isNotNull();
    return q.exact();
  }

  /**
   * Two bidders, values independent and uniform on {1, 2, 3}. Virtual values φ(v) = v - (1 - F(v)) / f(v) are
   * (-1, 1, 3), so Myerson's revenue is E[max(φ1, φ2, 0)] = (0 + 1 + 3 + 1 + 1 + 3 + 3 + 3 + 3) / 9 = 2, under DSIC
   * with ex post IR and, by revenue equivalence with independent private values, under BIC with interim IR as well:
   * the price of DSIC over BIC is 0. The optimum never sells to a bidder of value 1 (φ = -1) and otherwise sells to
   * a highest bidder, so its welfare is E[max v over bidders with v >= 2] = (0+2+3+2+2+3+3+3+3)/9 = 7/3 and the
   * agents keep 7/3 - 2 = 1/3 in all. With ex ante IR a fee charged before the types are known extracts the whole
   * surplus of the efficient auction: E[max v] = (1·1 + 2·3 + 3·5)/9 = 22/9. Myerson's auction is deterministic, so
   * randomization is worth 0.
   */
  @Test
  void myersonTwoBiddersMatchesTheClosedForms() throws Exception {
    Comparison c = compare("myerson-two-bidders", 1);

    ComparisonRow myerson = c.row("dsic/expost-ir");
    assertThat(myerson.own()).isTrue();
    assertThat(myerson.status()).isEqualTo(RowStatus.OPTIMAL);
    assertThat(exact(myerson.objective())).isEqualTo(f(2, 1));
    assertThat(exact(myerson.metrics().revenue())).isEqualTo(f(2, 1));
    assertThat(exact(myerson.metrics().welfare())).isEqualTo(f(7, 3));
    assertThat(exact(myerson.metrics().utilities().get(0)).add(exact(myerson.metrics().utilities().get(1))))
        .isEqualTo(f(1, 3));
    assertThat(exact(myerson.metrics().budget())).isEqualTo(f(2, 1));
    for (String id : List.of("dsic/interim-ir", "bic/expost-ir", "bic/interim-ir")) {
      assertThat(exact(c.row(id).objective())).as(id).isEqualTo(f(2, 1));
    }
    for (String id : List.of("dsic/exante-ir", "bic/exante-ir")) {
      assertThat(exact(c.row(id).objective())).as(id).isEqualTo(f(22, 9));
      assertThat(exact(c.row(id).metrics().welfare())).as(id).isEqualTo(f(22, 9));
    }
    assertThat(c.row("expost-ic").status()).isEqualTo(RowStatus.SAME);
    assertThat(c.row("dsic/expost-ir/deterministic").objective().value()).isCloseTo(2, within(1e-9));

    Gap price = gap(c, "price-of-dsic");
    assertThat(price.better()).isEqualTo("bic/expost-ir");
    assertThat(price.worse()).isEqualTo("dsic/expost-ir");
    assertThat(exact(price.value())).isEqualTo(BigFraction.ZERO);
    assertThat(gap(c, "value-of-randomization").value().value()).isCloseTo(0, within(1e-9));
    assertThat(c.exitCode()).isZero();
  }

  /**
   * Cremer and McLean (1988): two bidders with values {1, 2} and the correlated prior (1/3, 1/6; 1/6, 1/3). The
   * beliefs (2/3, 1/3) and (1/3, 2/3) are linearly independent, so BIC (and even DSIC) with interim IR extract the
   * full surplus E[max v] = 1/3·1 + 2/3·2 = 5/3: revenue = welfare = 5/3 and each agent's utility, at least 0 by IR
   * and summing to 0, is 0. Ex post IR blocks full extraction: 3/2 (docs/THEORY.md, Classical results, the
   * Cremer-McLean table, computed there by an independent LP).
   */
  @Test
  void cremerMcLeanExtractsTheFullSurplusWithInterimIr() throws Exception {
    Comparison c = compare("cremer-mclean", 1);

    ComparisonRow bic = c.row("bic/interim-ir");
    assertThat(bic.own()).isTrue();
    assertThat(exact(bic.metrics().revenue())).isEqualTo(f(5, 3));
    assertThat(exact(bic.metrics().welfare())).isEqualTo(f(5, 3));
    assertThat(bic.metrics().utilities()).extracting(ComparisonsTest::exact).containsOnly(BigFraction.ZERO);
    assertThat(exact(c.row("dsic/interim-ir").objective())).isEqualTo(f(5, 3));
    assertThat(exact(c.row("dsic/expost-ir").objective())).isEqualTo(f(3, 2));
    assertThat(exact(c.row("bic/expost-ir").objective())).isEqualTo(f(3, 2));
    assertThat(exact(gap(c, "price-of-dsic").value())).isEqualTo(BigFraction.ZERO);
  }

  /**
   * Every optimal row's objective, as the solver verified it, equals the objective recomputed from the row's
   * metrics (revenue, welfare, utilities, cost): the metrics are computed independently of the LP's objective.
   */
  @Test
  void metricsReproduceEveryRowsObjective() throws Exception {
    for (String name : List.of("myerson-two-bidders", "public-project-pivot", "lottery-two-items")) {
      Comparison c = compare(name, 1);
      for (ComparisonRow row : c.rows()) {
        if (row.metrics() != null) {
          assertThat(row.metrics().objective(c.problem().objective()).value())
              .as("%s %s", name, row.id())
              .isCloseTo(row.objective().value(), within(1e-9));
        }
      }
    }
  }

  /**
   * Efficient trade on a 10-point grid with BIC, interim IR and no expected deficit is infeasible
   * (Myerson-Satterthwaite; docs/THEORY.md, Classical results): that row is shown infeasible, with the status the
   * solver confirmed, while relaxing IR to ex ante makes it feasible; the command answers "no" (3) as solve does.
   */
  @Test
  void anInfeasibleRowIsAnAnswerNotAnError() throws Exception {
    Comparison c = compare("bilateral-trade-ms", 2);

    ComparisonRow own = c.row("bic/interim-ir");
    assertThat(own.own()).isTrue();
    assertThat(own.status()).isEqualTo(RowStatus.INFEASIBLE);
    assertThat(own.metrics()).isNull();
    assertThat(own.note()).contains("confirmed");
    assertThat(c.row("bic/exante-ir").status()).isEqualTo(RowStatus.OPTIMAL);
    assertThat(c.rows()).noneMatch(r -> r.status() == RowStatus.FAILED);
    assertThat(c.exitCode()).isEqualTo(3);
  }

  /** The rows come back in the same order with the same values whatever the number of threads. */
  @Test
  void jobsDoNotChangeTheTable() throws Exception {
    Comparison one = compare("lottery-two-items", 1);
    Comparison two = compare("lottery-two-items", 2);
    assertThat(two.rows()).extracting(ComparisonRow::id).containsExactlyElementsOf(
        one.rows().stream().map(ComparisonRow::id).toList());
    for (int r = 0; r < one.rows().size(); r++) {
      assertThat(two.rows().get(r).withNanos(0)).isEqualTo(one.rows().get(r).withNanos(0));
    }
    assertThat(two.gaps()).isEqualTo(one.gaps());
  }

  /**
   * One buyer with values {1, 2} for either of two items and a lottery menu (instance description): the best
   * deterministic menu earns 8/5, the best lottery menu 9/5, so randomization is worth 1/5.
   */
  @Test
  void valueOfRandomizationOfTheLotteryInstance() throws Exception {
    Comparison c = compare("lottery-two-items", 1);
    assertThat(exact(c.row("dsic/expost-ir").objective())).isEqualTo(f(9, 5));
    assertThat(c.row("dsic/expost-ir/deterministic").objective().value()).isCloseTo(1.6, within(1e-9));
    assertThat(gap(c, "value-of-randomization").value().value()).isCloseTo(0.2, within(1e-9));
  }

  /**
   * With interdependent values (each bidder values the item at its own value plus half the other's) DSIC does not
   * apply and ex post IC takes its place: the DSIC row says so, the ex post rows are solved, and the gap is the
   * price of ex post IC over BIC.
   */
  @Test
  void interdependentValuesCompareExPostIcWithBic() throws Exception {
    String json =
        """
        {"format": "mechlp/1", "name": "interdependent",
         "agents": [
           {"name": "a", "types": [{"name": "lo", "value": 1}, {"name": "hi", "value": 2}], "prior": ["1/2", "1/2"]},
           {"name": "b", "types": [{"name": "lo", "value": 1}, {"name": "hi", "value": 2}], "prior": ["1/2", "1/2"]}],
         "outcomes": ["none", "a", "b"],
         "valuations": {
           "a": {"expression": {"a": "value + 0.5 * other.value", "none": "0", "b": "0"}},
           "b": {"expression": {"b": "value + 0.5 * other.value", "none": "0", "a": "0"}}},
         "mechanism": {"ic": "expost", "ir": "expost"},
         "objective": "revenue"}
        """;
    Problem problem = ProblemReader.read(json, "interdependent");
    assertThat(problem.hasPrivateValues()).isFalse();
    Comparison c = Comparisons.compare(problem, CompareOptions.defaults(BuiltInSource.NONE));

    assertThat(c.row("dsic").status()).isEqualTo(RowStatus.NOT_APPLICABLE);
    assertThat(c.row("expost/expost-ir").own()).isTrue();
    assertThat(c.row("expost/expost-ir").status()).isEqualTo(RowStatus.OPTIMAL);
    assertThat(c.row("expost/expost-ir/deterministic")).isNotNull();
    Gap price = gap(c, "price-of-dsic");
    assertThat(price.name()).startsWith("price of ex post IC over BIC");
    assertThat(price.value().value()).isGreaterThanOrEqualTo(-1e-9);
  }

  /**
   * docs/THEORY.md, Calibrated examples, example A (the instance's description): full transparency earns 7/6 (price
   * 2 in state H, 4/3; price 1 in state L, 1), no disclosure 1 (price 1 or 2 at the prior), and 7/6 is the calibrated
   * optimum (private values, T2): optimal disclosure gains 0 over full and 1/6 over none. With full transparency the
   * buyer pays 2 for a value of 2 in H and 1 for a value of 1 or 2 in L: its utility is P(L, v=2)·1 = 1/6, welfare
   * 7/6 + 1/6 = 4/3.
   */
  @Test
  void calibratedProblemsCompareDisclosurePolicies() throws Exception {
    Comparison c = compare("calibrated-example-a", 2);

    assertThat(c.rows()).extracting(ComparisonRow::id)
        .containsExactly("disclosure/full", "disclosure/none", "disclosure/optimal");
    assertThat(c.row("disclosure/optimal").own()).isTrue();
    assertThat(c.row("disclosure/full").objective().value()).isCloseTo(7.0 / 6, within(1e-9));
    assertThat(c.row("disclosure/full").metrics().revenue().value()).isCloseTo(7.0 / 6, within(1e-9));
    assertThat(c.row("disclosure/full").metrics().utilities().get(0).value()).isCloseTo(1.0 / 6, within(1e-9));
    assertThat(c.row("disclosure/full").metrics().welfare().value()).isCloseTo(4.0 / 3, within(1e-9));
    assertThat(c.row("disclosure/none").objective().value()).isCloseTo(1, within(1e-9));
    assertThat(c.row("disclosure/optimal").metrics().revenue().value()).isCloseTo(7.0 / 6, within(1e-9));
    assertThat(gap(c, "value-of-disclosure-over-full").value().value()).isCloseTo(0, within(1e-9));
    assertThat(gap(c, "value-of-disclosure-over-none").value().value()).isCloseTo(1.0 / 6, within(1e-9));
  }

  /**
   * Example A with a given signal (low: L 2/3, H 1/3; high: L 1/3, H 2/3) is compared under that signal too, and
   * optimal disclosure, 7/6, is at least as good as it. With the given signal the revenue is what the rows' own
   * objective says: the metrics are recomputed from the rules and the signal structure.
   */
  @Test
  void aGivenSignalGetsItsOwnRow() throws Exception {
    String json =
        java.nio.file.Files.readString(Path.of(System.getProperty("instances.dir"), "calibrated-example-a.json"))
            .replace("\"calibration\": {\"disclosure\": \"optimal\"}",
                "\"calibration\": {\"disclosure\": {\"signal\": {\"low\": {\"L\": \"2/3\", \"H\": \"1/3\"},"
                    + " \"high\": {\"L\": \"1/3\", \"H\": \"2/3\"}}}}");
    Problem problem = ProblemReader.read(json, "given-signal");
    Comparison c = Comparisons.compare(problem, CompareOptions.defaults(BuiltInSource.NONE));

    ComparisonRow given = c.row("disclosure/given");
    assertThat(given.own()).isTrue();
    assertThat(given.status()).isEqualTo(RowStatus.OPTIMAL);
    assertThat(given.metrics().revenue().value()).isCloseTo(given.objective().value(), within(1e-9));
    assertThat(gap(c, "value-of-disclosure-over-given").value().value()).isGreaterThanOrEqualTo(-1e-9);
    assertThat(c.row("disclosure/optimal").objective().value()).isCloseTo(7.0 / 6, within(1e-9));
  }

  /** With exact certification every randomized optimum is certified and every value is an exact fraction. */
  @Test
  void exactCertifiesEveryOptimum() throws Exception {
    Comparison c =
        Comparisons.compare(instance("cremer-mclean"), CompareOptions.defaults(BuiltInSource.NONE).withExact(true));
    for (ComparisonRow row : c.rows()) {
      if (row.kind() == RowKind.OPTIMUM && row.status() == RowStatus.OPTIMAL) {
        assertThat(row.certification()).as(row.id()).isEqualTo("certified optimal");
        assertThat(row.objective().exact()).as(row.id()).isNotNull();
      }
    }
    assertThat(c.exitCode()).isZero();
  }

  /**
   * The Java API compares like the command. One buyer with values 1 and 2, each with probability 1/2: a posted price
   * of 1 or 2 earns 1, and no lottery beats the best posted price (Riley and Zeckhauser), so DSIC with ex post IR
   * earns 1; with ex ante IR the buyer always gets the item for a fee of E[v] = 3/2, the whole surplus.
   */
  @Test
  void theJavaApiComparesABuiltProblem() throws Exception {
    Problem postedPrice =
        org.mechlp.api.Mechlp.problem("posted-price")
            .agent("buyer", List.of("low", "high"), List.of(1, 2), List.of("1/2", "1/2"))
            .singleItem()
            .mechanism("dsic", "expost")
            .objective("revenue")
            .build();

    Comparison c = org.mechlp.api.Mechlp.compare(postedPrice);

    assertThat(exact(c.row("dsic/expost-ir").objective())).isEqualTo(BigFraction.ONE);
    assertThat(exact(c.row("bic/exante-ir").objective())).isEqualTo(f(3, 2));
    assertThat(exact(c.row("bic/exante-ir").metrics().utilities().get(0))).isEqualTo(BigFraction.ZERO);
  }

  private static Gap gap(Comparison c, String id) {
    return c.gaps().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(
        "no gap " + id + " in " + c.gaps()));
  }
}
