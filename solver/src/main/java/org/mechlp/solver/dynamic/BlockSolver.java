package org.mechlp.solver.dynamic;

import org.mechlp.model.dynamic.BlockKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.dynamic.ContingentSpec;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.model.Fractions;

/**
 * Solves one contingent-transfer block. Report-dependent transfers (Lemma A.3): an LP over P[y, r] with rows (i)
 * and (ii) and the chosen objective, solved by GLOP, certified exactly, then checked exactly against (i) and (ii)
 * from the block's data ({@link BlockCheck}); an infeasible block is proven so with a Farkas certificate and
 * explained by the A2 witness. VCG-type transfers (Lemma A.4): P[y] alone, M^T P = e / delta, solved exactly with
 * its minimum-norm solution (M (M^T M)^-1 e / delta under full column rank, A3; on a basis of independent columns
 * when the rank is smaller but the system is consistent).
 */
public final class BlockSolver {
  private BlockSolver() {}

  /** Solves the block of {@code data}; {@code names} are agent i's signal names in period t. */
  public static BlockResult solve(BlockData data, ContingentSpec spec, String[] names) {
    return spec.variant() == ContingentSpec.Variant.VCG ? vcg(data, names) : reportDependent(data, spec, names);
  }

  /** The block's LP (exposed for tests and the LP export). */
  public static LinearProgram program(BlockData data, ContingentSpec spec, String[] names) {
    int payments = data.reports() * data.outcomes();
    List<ColumnBounds> bounds = new ArrayList<>();
    ColumnBounds paymentBounds = spec.objective() == ContingentSpec.Objective.MARGIN
        ? new ColumnBounds(spec.bound().negate(), spec.bound()) : ColumnBounds.FREE;
    bounds.addAll(Collections.nCopies(payments, paymentBounds));
    List<ConstraintFamily> families = new ArrayList<>();
    families.add(new ResidualClaimFamily(data, names));
    BigFraction[] cost = new BigFraction[payments + (spec.objective() == ContingentSpec.Objective.FEASIBILITY ? 0 : 1)];
    Arrays.fill(cost, BigFraction.ZERO);
    boolean maximize = false;
    switch (spec.objective()) {
      case FEASIBILITY -> families.add(new TruthfulReportFamily(data, names, -1));
      case MIN_MAX -> {
        bounds.add(ColumnBounds.NON_NEGATIVE);
        cost[payments] = BigFraction.ONE;
        families.add(new TruthfulReportFamily(data, names, -1));
        families.add(new PaymentBoundFamily(data, payments));
      }
      case MARGIN -> {
        // The margin never needs to exceed 2B, and a bounded column keeps the LP bounded.
        BigFraction twice = spec.bound().multiply(2);
        bounds.add(new ColumnBounds(twice.negate(), twice));
        cost[payments] = BigFraction.ONE;
        maximize = true;
        families.add(new TruthfulReportFamily(data, names, payments));
      }
    }
    int k = data.reports();
    return new LinearProgram(bounds,
        c -> c < payments ? "P[y" + (c / k) + "," + names[c % k] + "]" : spec.objective().id(),
        new LinearObjective(maximize, cost, BigFraction.ZERO), families);
  }

  private static BlockResult reportDependent(BlockData data, ContingentSpec spec, String[] names) {
    ExactLp answer = ExactLp.solve(program(data, spec, names),
        x -> BlockCheck.of(data, payments(data, x), names).failure() == null);
    if (answer.status() == LpStatus.INFEASIBLE) {
      ConvexIndependence a2 = ConvexIndependence.of(data.law(), names);
      String why = a2.holds()
          ? "A2 holds here, yet the block is infeasible (check the data)"
          : a2.witness() + ", so no payments can make truth strictly cheaper for " + "every report while (i) holds";
      return new BlockResult(data.key(), BlockResult.Status.INFEASIBLE, null, null, null,
          answer.note() + "; " + why, -1);
    }
    if (answer.status() != LpStatus.OPTIMAL) {
      return new BlockResult(data.key(), BlockResult.Status.FAILED, null, null, null, answer.note(), -1);
    }
    return checked(data, payments(data, answer.primal()), names, answer.note(), -1);
  }

  /** P[y][r] from an LP point. */
  private static BigFraction[][] payments(BlockData data, BigFraction[] x) {
    BigFraction[][] p = new BigFraction[data.outcomes()][data.reports()];
    for (int y = 0; y < p.length; y++) {
      for (int r = 0; r < p[y].length; r++) {
        p[y][r] = x[data.column(y, r)];
      }
    }
    return p;
  }

  /**
   * VCG-type transfers: the exact minimum-norm solution of M^T P = e / delta. On a basis B of independent columns of
   * M (chosen exactly), P = M_B (M_B^T M_B)^-1 b_B solves the rows of B with the least norm; when every other row
   * also holds exactly the system is consistent, has the same solutions as its rows in B, and P is its minimum-norm
   * solution, whatever the rank. Otherwise a row outside B proves the system inconsistent.
   */
  private static BlockResult vcg(BlockData data, String[] names) {
    int k = data.reports();
    int l = data.outcomes();
    BigFraction[][] m = data.law();
    int[] basis = ExactMatrices.independentRows(m);
    int rank = basis.length;
    BigFraction[][] gram = new BigFraction[rank][rank];
    BigFraction[] rhs = new BigFraction[rank];
    for (int a = 0; a < rank; a++) {
      for (int b = 0; b < rank; b++) {
        BigFraction s = BigFraction.ZERO;
        for (int y = 0; y < l; y++) {
          s = s.add(m[basis[a]][y].multiply(m[basis[b]][y]));
        }
        gram[a][b] = s;
      }
      rhs[a] = data.target()[basis[a]].divide(data.discount());
    }
    BigFraction[] z = ExactMatrices.solve(gram, rhs);
    BigFraction[] column = new BigFraction[l];
    for (int y = 0; y < l; y++) {
      BigFraction v = BigFraction.ZERO;
      for (int a = 0; a < rank; a++) {
        v = v.add(m[basis[a]][y].multiply(z[a]));
      }
      column[y] = v;
    }
    for (int theta = 0; theta < k; theta++) {
      BigFraction lhs = BigFraction.ZERO;
      for (int y = 0; y < l; y++) {
        lhs = lhs.add(m[theta][y].multiply(column[y]));
      }
      BigFraction wanted = data.target()[theta].divide(data.discount());
      if (!lhs.equals(wanted)) {
        return new BlockResult(data.key(), BlockResult.Status.INFEASIBLE, null, null, null,
            "A3 fails: M has rank " + rank + " < " + k + " and the system M^T P = e / delta is inconsistent: the"
                + " column " + names[theta] + " is a linear combination of the columns " + basisNames(basis, names)
                + ", but e / delta at " + names[theta] + " is " + Fractions.format(wanted) + " where that combination"
                + " gives " + Fractions.format(lhs) + "; no VCG-type transfers exist in this block", rank);
      }
    }
    BigFraction[][] p = new BigFraction[l][k];
    for (int y = 0; y < l; y++) {
      Arrays.fill(p[y], column[y]);
    }
    String how = rank == k ? "exact minimum-norm solution M (M^T M)^-1 e / delta"
        : "M has rank " + rank + " < " + k + ", but M^T P = e / delta is consistent: exact minimum-norm solution"
            + " on the independent columns " + basisNames(basis, names);
    return checked(data, p, names, how, rank);
  }

  private static String basisNames(int[] basis, String[] names) {
    List<String> out = new ArrayList<>();
    for (int b : basis) {
      out.add(names[b]);
    }
    return String.join(", ", out);
  }

  private static BlockResult checked(BlockData data, BigFraction[][] p, String[] names, String how, int rank) {
    BlockCheck check = BlockCheck.of(data, p, names);
    if (check.failure() != null) {
      return new BlockResult(data.key(), BlockResult.Status.FAILED, null, null, null,
          how + ", but the exact check of the payments fails: " + check.failure(), rank);
    }
    return new BlockResult(data.key(), BlockResult.Status.SOLVED, p, check.largest(), check.margin(),
        how + "; (i) and (ii) hold exactly", rank);
  }
}
