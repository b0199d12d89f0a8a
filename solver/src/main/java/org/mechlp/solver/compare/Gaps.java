package org.mechlp.solver.compare;

import java.util.ArrayList;
import java.util.List;
import org.mechlp.model.IcKind;
import org.mechlp.model.IrKind;
import org.mechlp.model.Problem;

/**
 * The named gaps of a comparison, each between two rows that both have a value (an infeasible or failed row leaves
 * its gaps out):
 *
 * <ul>
 *   <li>price of DSIC over BIC: the BIC optimum minus the DSIC optimum (ex post IC with interdependent values), both
 *       randomized, at the problem's own IR;
 *   <li>value of randomization: the randomized optimum minus the deterministic one, at the problem's own IC and IR;
 *   <li>revenue lost by VCG: the revenue of the optimum under the problem's own constraints minus VCG's revenue;
 *   <li>calibrated problems: optimal disclosure against full disclosure, no disclosure and the given signal.
 * </ul>
 *
 * Objective gaps are measured in the problem's sense: how much better the first row is (for a minimization, the
 * second row's value minus the first's).
 */
final class Gaps {
  private Gaps() {}

  static List<Gap> of(Problem problem, List<ComparisonRow> rows) {
    boolean maximize = problem.objective().maximize();
    List<Gap> gaps = new ArrayList<>();
    if (problem.isCalibrated()) {
      objectiveGap(gaps, "value-of-disclosure-over-full", "optimal disclosure over full disclosure",
          find(rows, "disclosure/optimal"), find(rows, "disclosure/full"), maximize);
      objectiveGap(gaps, "value-of-disclosure-over-none", "optimal disclosure over no disclosure",
          find(rows, "disclosure/optimal"), find(rows, "disclosure/none"), maximize);
      objectiveGap(gaps, "value-of-disclosure-over-given", "optimal disclosure over the given signal",
          find(rows, "disclosure/optimal"), find(rows, "disclosure/given"), maximize);
    } else {
      IcKind strict = problem.hasPrivateValues() ? IcKind.DSIC : IcKind.EX_POST;
      IrKind ir = problem.mechanism().ir();
      String irId = "/" + ir.json() + "-ir";
      objectiveGap(gaps, "price-of-dsic",
          "price of " + (strict == IcKind.DSIC ? "DSIC" : "ex post IC") + " over BIC (IR "
              + Comparisons.irWords(ir) + ")",
          find(rows, IcKind.BIC.json() + irId), find(rows, strict.json() + irId), maximize);
      ComparisonRow own = rows.stream().filter(ComparisonRow::own).findFirst().orElse(null);
      if (own != null && own.kind() == RowKind.OPTIMUM && !own.id().equals("as-given")) {
        objectiveGap(gaps, "value-of-randomization", "value of randomization (" + own.label() + ")", own,
            find(rows, own.id() + "/deterministic"), maximize);
      }
      ComparisonRow vcg = find(rows, "built-in/vcg");
      if (own != null && vcg != null && own.metrics() != null && vcg.metrics() != null) {
        gaps.add(new Gap("vcg-revenue-loss", "revenue lost by VCG against the optimum (" + own.label() + ")",
            "revenue", own.id(), vcg.id(), own.metrics().revenue().minus(vcg.metrics().revenue())));
      }
    }
    return gaps;
  }

  private static void objectiveGap(
      List<Gap> gaps, String id, String name, ComparisonRow better, ComparisonRow worse, boolean maximize) {
    if (better == null || worse == null || better.objective() == null || worse.objective() == null) {
      return;
    }
    Quantity difference = better.objective().minus(worse.objective());
    gaps.add(new Gap(id, name, "objective", better.id(), worse.id(), maximize ? difference : difference.negate()));
  }

  private static ComparisonRow find(List<ComparisonRow> rows, String id) {
    return rows.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
  }
}
