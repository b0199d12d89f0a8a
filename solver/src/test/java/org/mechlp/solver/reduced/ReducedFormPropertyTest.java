package org.mechlp.solver.reduced;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.IrKind;
import org.mechlp.model.Problem;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;

/**
 * On random independent single-item BIC auctions (1-3 bidders, 1-3 types, integer values 0..6 in any order and
 * possibly equal, probabilities with some zeros, interim / ex ante / no IR) the reduced form reaches the full LP's
 * status and optimum, and its ex post expansion passes the full verifier with the same objective.
 */
class ReducedFormPropertyTest {
  @Property(tries = 60)
  void reducedFormMatchesTheFullLp(@ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
    Random random = new Random(seed);
    int n = 1 + random.nextInt(3);
    BigFraction[][] values = new BigFraction[n][];
    BigFraction[][] probs = new BigFraction[n][];
    for (int i = 0; i < n; i++) {
      int k = 1 + random.nextInt(3);
      values[i] = new BigFraction[k];
      probs[i] = new BigFraction[k];
      int[] w = new int[k];
      int total = 0;
      for (int t = 0; t < k; t++) {
        values[i][t] = new BigFraction(random.nextInt(7));
        w[t] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(3);
        total += w[t];
      }
      if (total == 0) {
        w[0] = 1;
        total = 1;
      }
      for (int t = 0; t < k; t++) {
        probs[i][t] = new BigFraction(w[t], total);
      }
    }
    IrKind ir = new IrKind[] {IrKind.INTERIM, IrKind.INTERIM, IrKind.EX_ANTE, IrKind.NONE}[random.nextInt(4)];
    Problem problem = Auctions.auction(values, probs, ir);
    if (!ReducedForm.applies(problem)) {
      // A bidder whose values are all 0 cannot be told from "never gets the item": the reduced form says so.
      assertThat(ReducedForm.whyNot(problem)).hasValueSatisfying(r -> assertThat(r).contains("different ways"));
      return;
    }

    ReducedFormSolver.Result result =
        ReducedFormSolver.solveAndExpand(problem, SolveOptions.defaults(), new OrToolsLpSolver());
    SolveReport full = MechanismSolver.solve(problem, SolveOptions.defaults());

    assertThat(result.reduced().status()).as(result.reduced().message()).isEqualTo(full.status());
    if (full.status() == SolveStatus.OPTIMAL) {
      assertThat(result.reduced().objective()).isCloseTo(full.objective(), within(1e-9));
      assertThat(result.expanded().status()).as(result.expanded().message()).isEqualTo(SolveStatus.OPTIMAL);
      assertThat(result.expanded().objective()).isCloseTo(full.objective(), within(1e-7));
    }
  }
}
