package org.mechlp.solver.features;

import java.util.List;
import org.mechlp.solver.families.ExPostIrFamily;
import org.mechlp.solver.families.FeasibilityFamily;
import org.mechlp.solver.families.InterimIrFamily;
import org.mechlp.solver.families.VariableIndex;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.ortools.DoubleLpSession;
import org.mechlp.solver.verify.OptimalityCheck;

/**
 * Duals of the full LP's rows made from the feature LP's (see {@link FeatureSolver}): worked out in maximization form
 * (y <= 0 on a >= row, as the optimality check reads them) and handed out in the backend's convention, d objective /
 * d rhs of the LP as posed.
 */
final class FullDuals {
  private final int feasibilityFamily;
  private final int irFamily;
  private final ConstraintFamily ic;
  private final PairIndex index;
  private final double sign;
  private final double[] icDuals;
  private final double[] irDuals;
  private final double[] feasibilityDuals;

  private FullDuals(
      int feasibilityFamily,
      int irFamily,
      ConstraintFamily ic,
      PairIndex index,
      double sign,
      double[] icDuals,
      double[] irDuals,
      double[] feasibilityDuals) {
    this.feasibilityFamily = feasibilityFamily;
    this.irFamily = irFamily;
    this.ic = ic;
    this.index = index;
    this.sign = sign;
    this.icDuals = icDuals;
    this.irDuals = irDuals;
    this.feasibilityDuals = feasibilityDuals;
  }

  static FullDuals of(FeatureForm form, PairIndex index, DoubleLpSession.Solution solution) {
    LinearProgram full = form.compiled().lp();
    List<ConstraintFamily> families = full.families();
    int feasibility = -1;
    int ir = -1;
    for (int f = 0; f < families.size(); f++) {
      ConstraintFamily family = families.get(f);
      if (family == form.icFamily()) {
        continue;
      }
      if (family.isIncentiveConstraint()) {
        throw new IllegalStateException("a second IC family");
      }
      if (family instanceof ExPostIrFamily || family instanceof InterimIrFamily) {
        ir = f;
      } else if (family instanceof FeasibilityFamily) {
        feasibility = f;
      } else {
        throw new IllegalStateException("the feature form does not cover " + family.id() + " rows");
      }
    }
    double sign = form.maximize() ? 1 : -1;
    int types = form.types();
    int items = form.items();
    int[] masks = form.structure().masks();
    int outcomes = masks.length;
    double[] values = new double[types * outcomes];
    for (int t = 0; t < types; t++) {
      double[] w = form.weights(t);
      for (int o = 0; o < outcomes; o++) {
        double v = form.base(t);
        for (int k = 0; k < items; k++) {
          if ((masks[o] & (1 << k)) != 0) {
            v += w[k];
          }
        }
        values[t * outcomes + o] = v;
      }
    }
    // A^T y over the outcome columns, maximization form, with the signs the check will give the duals.
    double[] aty = new double[types * outcomes];
    double[] icDuals = new double[solution.duals().length];
    long[][] entries = index.entries();
    for (int j = 0; j < entries[0].length; j++) {
      int row = (int) entries[1][j];
      double y = Math.min(0, sign * solution.duals()[row]);
      icDuals[row] = y;
      if (y == 0) {
        continue;
      }
      int t = PairIndex.trueType(entries[0][j]);
      int s = PairIndex.report(entries[0][j]);
      for (int o = 0; o < outcomes; o++) {
        double v = values[t * outcomes + o];
        aty[t * outcomes + o] += y * v;
        aty[s * outcomes + o] -= y * v;
      }
    }
    double[] irDuals = new double[types];
    if (ir >= 0) {
      for (int t = 0; t < types; t++) {
        double y = Math.min(0, sign * solution.reducedCosts()[form.utilityColumn(t)]);
        irDuals[t] = y;
        for (int o = 0; o < outcomes; o++) {
          aty[t * outcomes + o] += y * values[t * outcomes + o];
        }
      }
    }
    VariableIndex variables = form.compiled().variables();
    var c = full.objective().coefficients();
    double[] feasibilityDuals = new double[types];
    for (int t = 0; t < types; t++) {
      double best = Double.NEGATIVE_INFINITY;
      for (int o = 0; o < outcomes; o++) {
        best = Math.max(best, sign * c[variables.allocation(t, o)].doubleValue() - aty[t * outcomes + o]);
      }
      feasibilityDuals[t] = best;
    }
    return new FullDuals(feasibility, ir, form.icFamily(), index, sign, icDuals, irDuals, feasibilityDuals);
  }

  /** The dual of a full-LP row for {@link org.mechlp.solver.verify.SolutionVerifier#verifyScanning}. */
  Double lookup(int familyIndex, long rowInFamily, int[] key) {
    if (familyIndex == feasibilityFamily) {
      return sign * feasibilityDuals[(int) rowInFamily];
    }
    if (familyIndex == irFamily) {
      return sign * irDuals[(int) rowInFamily];
    }
    int row = index.row(key[1], key[2]);
    return row < 0 ? 0.0 : sign * icDuals[row];
  }

  /** The keys of the IC rows built with a non-zero dual, for the verifier's listing of binding rows. */
  void forEachKey(int familyIndex, java.util.function.Consumer<int[]> sink) {
    if (familyIndex == feasibilityFamily || familyIndex == irFamily) {
      return;
    }
    long[][] entries = index.entries();
    for (int j = 0; j < entries[0].length; j++) {
      if (icDuals[(int) entries[1][j]] != 0) {
        sink.accept(new int[] {0, PairIndex.trueType(entries[0][j]), PairIndex.report(entries[0][j])});
      }
    }
  }

  /** The full LP's rows that carry duals (feasibility, IR, the IC rows built), for the optimality check. */
  OptimalityCheck.RowDuals rows(LinearProgram full) {
    return sink -> {
      List<ConstraintFamily> families = full.families();
      long[] r = {0};
      families.get(feasibilityFamily).forEachRow(row -> sink.accept(row, sign * feasibilityDuals[(int) r[0]++]));
      if (irFamily >= 0) {
        r[0] = 0;
        families.get(irFamily).forEachRow(row -> sink.accept(row, sign * irDuals[(int) r[0]++]));
      }
      long[][] entries = index.entries();
      for (int j = 0; j < entries[0].length; j++) {
        double y = icDuals[(int) entries[1][j]];
        if (y != 0) {
          int t = PairIndex.trueType(entries[0][j]);
          int s = PairIndex.report(entries[0][j]);
          sink.accept(ic.rowOf(new int[] {0, t, s}), sign * y);
        }
      }
    };
  }
}
