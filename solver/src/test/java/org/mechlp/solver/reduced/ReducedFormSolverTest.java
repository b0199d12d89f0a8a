package org.mechlp.solver.reduced;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.BudgetKind;
import org.mechlp.model.IcKind;
import org.mechlp.model.IrKind;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.testing.Toys;

class ReducedFormSolverTest {
  private static Problem instance(String name) throws Exception {
    String dir = System.getProperty("instances.dir");
    assertThat(dir).as("system property instances.dir (set by surefire)").isNotNull();
    return ProblemReader.read(Path.of(dir).resolve(name + ".json"));
  }

  /** Solves by the reduced form and by the full LP, checks both agree, and that the expansion passes the verifier. */
  private static double solveBothWays(Problem problem) {
    ReducedFormSolver.Result result =
        ReducedFormSolver.solveAndExpand(problem, SolveOptions.defaults(), new OrToolsLpSolver());
    SolveReport full = MechanismSolver.solve(problem, SolveOptions.defaults());
    assertThat(result.reduced().status()).as(result.reduced().message()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(full.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(result.reduced().objective()).isCloseTo(full.objective(), within(1e-9));
    assertThat(result.reduced().borderMaxViolation()).isLessThanOrEqualTo(1e-9);
    assertThat(result.reduced().bicMaxRegret()).isLessThanOrEqualTo(1e-9);
    assertThat(result.reduced().irMaxShortfall()).isLessThanOrEqualTo(1e-9);
    SolveReport expanded = result.expanded();
    assertThat(expanded.status()).as(expanded.message()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(expanded.verification().maxViolation()).isLessThanOrEqualTo(1e-6);
    assertThat(expanded.objective()).isCloseTo(full.objective(), within(1e-7));
    return result.reduced().objective();
  }

  @Test
  void myersonTwoBiddersBicReachesTheGoldenRevenue() throws Exception {
    // Golden value 2 = E[max(φ1, φ2, 0)] with φ = (-1, 1, 3) for values {1,2,3} uniform (docs/THEORY.md, Classical
    // results).
    double revenue = solveBothWays(instance("myerson-two-bidders-bic"));

    assertThat(revenue).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void ironingInstanceUnderBicEqualsTheDsicGolden() throws Exception {
    // 64/25 = 4 (1 - 0.6^2): ironed φ̄ = (-1, -1, -1, 4), only value 4 is served (docs/THEORY.md, Classical results);
    // the same value under BIC + interim IR (optimal BIC and DSIC revenues coincide here), confirmed by the full LP in
    // solveBothWays.
    Problem problem = Toys.withIr(Toys.withIc(instance("myerson-ironing"), IcKind.BIC), IrKind.INTERIM);

    double revenue = solveBothWays(problem);

    assertThat(revenue).isCloseTo(64.0 / 25, within(1e-9));
  }

  @Test
  void asymmetricBiddersEarnTheDiscreteMyersonRevenue() {
    // Closed form E[max_i φ̄_i(θ_i)^+] enumerated over the 3 x 3 x 2 profiles with DiscreteMyerson's ironed values.
    BigFraction[][] values = {Auctions.q("1", "2", "3"), Auctions.q("1", "3", "4"), Auctions.q("2", "5")};
    BigFraction[][] probs = {
      Auctions.q("1/2", "1/4", "1/4"), Auctions.q("1/3", "1/3", "1/3"), Auctions.q("3/4", "1/4")
    };
    Problem problem = Auctions.auction(values, probs, IrKind.INTERIM);

    double revenue = solveBothWays(problem);

    assertThat(revenue).isCloseTo(expectedMaxVirtualValue(values, probs).doubleValue(), within(1e-9));
  }

  @Test
  void closedFormReproducesTheTextbookValues() {
    // docs/THEORY.md, Classical results: φ = (-1, 1, 3) for {1,2,3} uniform: 1 buyer 4/3, 2 bidders 2; ironing
    // instance: 1 buyer 1.6, 2 bidders 2.56.
    BigFraction[] v3 = Auctions.q("1", "2", "3");
    BigFraction[] u3 = Auctions.q("1/3", "1/3", "1/3");
    BigFraction[] v4 = Auctions.q("1", "2", "3", "4");
    BigFraction[] f4 = Auctions.q("2/5", "1/10", "1/10", "2/5");

    assertThat(DiscreteMyerson.ironedVirtualValues(v3, u3)).containsExactly(Auctions.q("-1", "1", "3"));
    assertThat(DiscreteMyerson.ironedVirtualValues(v4, f4)).containsExactly(Auctions.q("-1", "-1", "-1", "4"));
    assertThat(DiscreteMyerson.iidRevenue(v3, u3, 1)).isEqualTo(Toys.q("4/3"));
    assertThat(DiscreteMyerson.iidRevenue(v3, u3, 2)).isEqualTo(Toys.q("2"));
    assertThat(DiscreteMyerson.iidRevenue(v4, f4, 1)).isEqualTo(Toys.q("8/5"));
    assertThat(DiscreteMyerson.iidRevenue(v4, f4, 2)).isEqualTo(Toys.q("64/25"));
  }

  @Test
  void refusesProblemsOutsideItsScopeWithTheReason() throws Exception {
    Problem dsic = instance("myerson-two-bidders");
    Problem bic = instance("myerson-two-bidders-bic");

    assertThat(ReducedForm.whyNot(dsic)).hasValueSatisfying(r -> assertThat(r).contains("ic = bic"));
    assertThat(ReducedForm.whyNot(Toys.withIr(bic, IrKind.EX_POST))).hasValueSatisfying(
        r -> assertThat(r).contains("ex post IR"));
    assertThat(ReducedForm.whyNot(Toys.correlatedPair())).hasValueSatisfying(
        r -> assertThat(r).contains("not independent"));
    assertThat(ReducedForm.whyNot(Toys.withBudget(bic, BudgetKind.EX_POST_WEAK, "0"))).hasValueSatisfying(
        r -> assertThat(r).contains("ex post"));
    assertThat(ReducedForm.whyNot(Toys.withIc(Toys.publicProject(), IcKind.BIC))).isPresent();
    assertThat(ReducedForm.applies(bic)).isTrue();
    assertThatThrownBy(() -> ReducedFormSolver.solve(dsic, SolveOptions.defaults(), new OrToolsLpSolver()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ic = bic");
  }

  @Test
  void readsTheItemFromTheValuationsNotTheNames() throws Exception {
    // myerson-two-bidders-bic uses the single-item shortcut: outcomes none, bidder1, bidder2.
    ReducedForm form = ReducedForm.of(instance("myerson-two-bidders-bic"));

    assertThat(form.winOutcome()).containsExactly(1, 2);
    assertThat(form.nobodyOutcome()).isEqualTo(0);
    assertThat(form.gain()[0]).containsExactly(Auctions.q("1", "2", "3"));
  }

  /** E[max_i φ̄_i(θ_i)^+] by enumerating profiles, exactly. */
  static BigFraction expectedMaxVirtualValue(BigFraction[][] values, BigFraction[][] probs) {
    int n = values.length;
    BigFraction[][] ironed = new BigFraction[n][];
    int[] counts = new int[n];
    for (int i = 0; i < n; i++) {
      ironed[i] = DiscreteMyerson.ironedVirtualValues(values[i], probs[i]);
      counts[i] = values[i].length;
    }
    TypeProfiles profiles = new TypeProfiles(counts);
    BigFraction sum = BigFraction.ZERO;
    for (int p = 0; p < profiles.count(); p++) {
      BigFraction f = BigFraction.ONE;
      BigFraction best = BigFraction.ZERO;
      for (int i = 0; i < n; i++) {
        int t = profiles.typeOf(p, i);
        f = f.multiply(probs[i][t]);
        if (ironed[i][t].compareTo(best) > 0) {
          best = ironed[i][t];
        }
      }
      sum = sum.add(f.multiply(best));
    }
    return sum;
  }
}
