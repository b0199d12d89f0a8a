package org.mechlp.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.model.RobustKind;
import org.mechlp.solver.families.EpigraphFamily;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.families.VariableIndex;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.options.CheckOptions;
import org.mechlp.solver.report.CheckReport;
import org.mechlp.solver.report.InterimSummary;
import org.mechlp.solver.verify.ForbiddenTransfersFamily;
import org.mechlp.solver.verify.SolutionVerifier;

/**
 * Checks a proposed mechanism against a problem's constraints, with the same rows the solver uses: every violated
 * feasibility, IC, IR, budget, transfer-bound and fixed-allocation row is reported with its amount in the
 * problem's units (an IC row's violation is the gain from that misreport). A mechanism given exactly (every number
 * a fraction or a finite decimal) is checked in exact rational arithmetic. When the problem allows no transfers but
 * the mechanism charges something, the charges are reported as violated {@code no-transfers} rows.
 */
public final class MechanismChecker {
  private MechanismChecker() {}

  /**
   * Checks {@code mechanism} against {@code problem}.
   *
   * @throws IllegalArgumentException when the mechanism's numbers of profiles, outcomes or agents differ from the
   *     problem's
   */
  public static CheckReport check(Problem given, Mechanism mechanism, CheckOptions options) {
    Problem problem = given;
    if (problem.objective().robust() == RobustKind.REGRET && problem.objective().benchmarks() == null) {
      // A check judges the constraints; without each prior's own optimum it reports the worst-case value instead.
      problem = problem.withObjective(problem.objective().withRobust(RobustKind.MAXMIN));
    }
    CompiledProblem compiled = LpCompiler.compile(problem);
    VariableIndex vars = compiled.variables();
    int profiles = vars.profiles().count();
    int m = problem.outcomeCount();
    int n = problem.agentCount();
    if (mechanism.profileCount() != profiles || mechanism.outcomeCount() != m || mechanism.agentCount() != n) {
      throw new IllegalArgumentException(
          String.format(
              "the mechanism has %d profiles, %d outcomes and %d agents; the problem has %d, %d and %d",
              mechanism.profileCount(), mechanism.outcomeCount(), mechanism.agentCount(), profiles, m, n));
    }
    LinearProgram lp = compiled.lp();
    ForbiddenTransfersFamily forbidden = null;
    if (!vars.hasTransfers() && chargesSomething(mechanism)) {
      forbidden = new ForbiddenTransfersFamily(problem, vars, lp.columnCount());
      lp = withExtraColumns(lp, profiles * n, forbidden);
    }
    int columns = lp.columnCount();
    SolutionVerifier.Result result;
    BigFraction exactObjective = null;
    if (mechanism.isExact()) {
      BigFraction[] x = new BigFraction[columns];
      Arrays.fill(x, BigFraction.ZERO);
      for (int p = 0; p < profiles; p++) {
        for (int o = 0; o < m; o++) {
          x[vars.allocation(p, o)] = mechanism.exactAllocation(p, o);
        }
        for (int i = 0; i < n; i++) {
          int column = transferColumn(vars, forbidden, p, i);
          if (column >= 0) {
            x[column] = mechanism.exactTransfer(p, i);
          }
        }
      }
      if (vars.hasEpigraph()) {
        x[vars.epigraph()] = epigraphValue(compiled, new EpigraphFamily(problem, vars).pieceValues(x));
      }
      result = SolutionVerifier.verifyExact(lp, x, options.tolerance(), options.maxListedRows(), n);
      exactObjective = lp.objective().value(x);
    } else {
      double[] x = new double[columns];
      for (int p = 0; p < profiles; p++) {
        for (int o = 0; o < m; o++) {
          x[vars.allocation(p, o)] = mechanism.allocation(p, o);
        }
        for (int i = 0; i < n; i++) {
          int column = transferColumn(vars, forbidden, p, i);
          if (column >= 0) {
            x[column] = mechanism.transfer(p, i);
          }
        }
      }
      if (vars.hasEpigraph()) {
        List<Double> pieces = new EpigraphFamily(problem, vars).pieceValues(x);
        x[vars.epigraph()] =
            epigraphValue(compiled, pieces.stream().map(BigFraction::new).toList()).doubleValue();
      }
      result = SolutionVerifier.verify(lp, x, null, options.tolerance(), options.maxListedRows(), n);
    }
    boolean passed = result.verification().violationCount() == 0;
    return new CheckReport(
        problem,
        mechanism,
        passed,
        mechanism.isExact(),
        result.verification().objectiveRecomputed(),
        exactObjective,
        result.verification(),
        result.regretPerAgent(),
        InterimSummary.of(problem, mechanism));
  }

  /**
   * The epigraph variable at its tightest value given the pieces' values: the least piece for a max-min or Rawlsian
   * value, else (a worst-case cost) the largest; so every epigraph row holds and the objective is the worst case.
   */
  private static BigFraction epigraphValue(CompiledProblem compiled, List<BigFraction> pieces) {
    boolean least = EpigraphFamily.maximizesZ(compiled.problem());
    BigFraction z = null;
    for (BigFraction v : pieces) {
      z = z == null || (least ? v.compareTo(z) < 0 : v.compareTo(z) > 0) ? v : z;
    }
    return z == null ? BigFraction.ZERO : z;
  }

  /** The column holding agent i's transfer at profile p, or -1 when the check ignores it (it is 0). */
  private static int transferColumn(VariableIndex vars, ForbiddenTransfersFamily forbidden, int p, int i) {
    if (vars.hasTransfers()) {
      return vars.transfer(p, i);
    }
    return forbidden == null ? -1 : forbidden.column(p, i);
  }

  private static boolean chargesSomething(Mechanism mechanism) {
    for (int p = 0; p < mechanism.profileCount(); p++) {
      for (int i = 0; i < mechanism.agentCount(); i++) {
        boolean nonZero =
            mechanism.isExact()
                ? mechanism.exactTransfer(p, i).getNumerator().signum() != 0
                : mechanism.transfer(p, i) != 0;
        if (nonZero) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code lp} with {@code extra} free columns (objective coefficient 0) and one more family over them. */
  private static LinearProgram withExtraColumns(LinearProgram lp, int extra, ConstraintFamily family) {
    int base = lp.columnCount();
    List<ColumnBounds> bounds = new ArrayList<>(lp.bounds());
    bounds.addAll(Collections.nCopies(extra, ColumnBounds.FREE));
    BigFraction[] coefficients = Arrays.copyOf(lp.objective().coefficients(), base + extra);
    Arrays.fill(coefficients, base, base + extra, BigFraction.ZERO);
    LinearObjective objective =
        new LinearObjective(lp.objective().maximize(), coefficients, lp.objective().constant());
    List<ConstraintFamily> families = new ArrayList<>(lp.families());
    families.add(family);
    return new LinearProgram(
        bounds, j -> j < base ? lp.columnName(j) : "t" + (j - base), objective, families);
  }
}
