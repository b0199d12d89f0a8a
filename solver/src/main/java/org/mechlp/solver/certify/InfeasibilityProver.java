package org.mechlp.solver.certify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.lp.LpStatus;

/**
 * Finds an exact Farkas certificate for an infeasible LP. The elastic (phase-1) LP gives every row its own
 * non-negative elastic columns and minimizes their sum over the original column bounds; it is always feasible and
 * bounded below by 0, and its optimum is positive exactly when the LP is infeasible. Its optimum is certified with
 * {@link Certifier}; the negated exact duals of its rows are a Farkas ray of the original rows (by LP duality the
 * elastic optimum equals {@code M - y b} in {@link FarkasChecker}'s terms), which {@link FarkasChecker} then checks
 * on the original LP, independently of how it was found.
 */
public final class InfeasibilityProver {
  private InfeasibilityProver() {}

  /**
   * Proves {@code lp} infeasible.
   *
   * @param backend a simplex backend that reports a basis (GLOP, CLP)
   * @param resolver a second solve for another basis of the elastic LP, or null for none
   */
  public static InfeasibilityCertification prove(
      LinearProgram lp, LpSolver backend, BackendSettings settings, Function<LinearProgram, LpResult> resolver) {
    long start = System.nanoTime();
    LinearProgram elastic = elastic(lp);
    LpResult result = backend.solve(elastic, settings);
    if (result.status() != LpStatus.OPTIMAL) {
      return failed(start, "the elastic LP (least total violation) ended " + result.status()
          + (result.message().isEmpty() ? "" : ": " + result.message()), 0);
    }
    Certification optimum = Certifier.certify(elastic, result.basis(), resolver);
    if (!optimum.certified()) {
      return failed(start, "the elastic LP's optimum was not certified: " + optimum.reason(),
          optimum.basisDimension());
    }
    if (optimum.objective().getNumerator().signum() <= 0) {
      return failed(start, "the elastic LP's certified optimum is " + Ratios.ratio(optimum.objective())
          + ": the LP is feasible", optimum.basisDimension());
    }
    BigFraction[] duals = optimum.certificate().duals();
    BigFraction[] y = new BigFraction[duals.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = duals[i].negate();
    }
    InfeasibilityCertificate certificate = new InfeasibilityCertificate(y);
    FarkasCheck check = FarkasChecker.check(lp, certificate);
    if (!check.valid()) {
      return failed(start, "the Farkas certificate from the elastic LP's duals fails: " + check.summary(),
          optimum.basisDimension());
    }
    return new InfeasibilityCertification(
        Certification.Status.CERTIFIED,
        "Farkas multipliers from the exact duals of the elastic LP (least total violation "
            + Ratios.ratio(optimum.objective()) + "; " + optimum.reason() + ")",
        certificate,
        optimum.objective(),
        optimum.basisDimension(),
        System.nanoTime() - start);
  }

  /** The elastic LP: the original columns and bounds, one or two elastic columns per row, minimize their sum. */
  public static LinearProgram elastic(LinearProgram lp) {
    int n = lp.columnCount();
    List<ConstraintFamily> families = new ArrayList<>();
    int next = n;
    for (ConstraintFamily family : lp.families()) {
      ElasticFamily e = new ElasticFamily(family, next);
      next += e.elasticColumns();
      families.add(e);
    }
    List<ColumnBounds> bounds = new ArrayList<>(lp.bounds());
    BigFraction[] cost = new BigFraction[next];
    Arrays.fill(cost, 0, n, BigFraction.ZERO);
    Arrays.fill(cost, n, next, BigFraction.ONE);
    for (int j = n; j < next; j++) {
      bounds.add(ColumnBounds.NON_NEGATIVE);
    }
    return new LinearProgram(
        bounds,
        j -> j < n ? lp.columnName(j) : "elastic" + (j - n),
        new LinearObjective(false, cost, BigFraction.ZERO),
        families);
  }

  private static InfeasibilityCertification failed(long start, String reason, int dimension) {
    return new InfeasibilityCertification(
        Certification.Status.FAILED, reason, null, null, dimension, System.nanoTime() - start);
  }
}
