package org.mechlp.solver;

import java.util.Arrays;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.compile.VariableIndex;
import org.mechlp.solver.report.CheckReport;
import org.mechlp.solver.verify.SolutionVerifier;

/**
 * Checks a proposed mechanism against a problem's constraints, with the same rows the solver uses: every violated
 * feasibility, IC, IR, budget, transfer-bound and fixed-allocation row is reported with its amount in the
 * problem's units (an IC row's violation is the gain from that misreport). A mechanism given exactly (every number
 * a fraction or a finite decimal) is checked in exact rational arithmetic.
 */
public final class MechanismChecker {
  private MechanismChecker() {}

  /** Checks {@code mechanism} against {@code problem}. */
  public static CheckReport check(Problem problem, Mechanism mechanism, CheckOptions options) {
    CompiledProblem compiled = LpCompiler.compile(problem);
    VariableIndex vars = compiled.variables();
    if (mechanism.profileCount() != vars.profiles().count()
        || mechanism.outcomeCount() != problem.outcomeCount()
        || mechanism.agentCount() != problem.agentCount()) {
      throw new IllegalArgumentException("the mechanism's dimensions do not match the problem");
    }
    int n = compiled.lp().columnCount();
    SolutionVerifier.Result result;
    BigFraction exactObjective = null;
    if (mechanism.isExact()) {
      BigFraction[] x = new BigFraction[n];
      Arrays.fill(x, BigFraction.ZERO);
      for (int p = 0; p < vars.profiles().count(); p++) {
        for (int o = 0; o < problem.outcomeCount(); o++) {
          x[vars.allocation(p, o)] = mechanism.exactAllocation(p, o);
        }
        if (vars.hasTransfers()) {
          for (int i = 0; i < problem.agentCount(); i++) {
            x[vars.transfer(p, i)] = mechanism.exactTransfer(p, i);
          }
        }
      }
      result =
          SolutionVerifier.verifyExact(
              compiled.lp(), x, options.tolerance(), options.maxListedRows(), problem.agentCount());
      exactObjective = compiled.lp().objective().value(x);
    } else {
      double[] x = new double[n];
      for (int p = 0; p < vars.profiles().count(); p++) {
        for (int o = 0; o < problem.outcomeCount(); o++) {
          x[vars.allocation(p, o)] = mechanism.allocation(p, o);
        }
        if (vars.hasTransfers()) {
          for (int i = 0; i < problem.agentCount(); i++) {
            x[vars.transfer(p, i)] = mechanism.transfer(p, i);
          }
        }
      }
      result =
          SolutionVerifier.verify(
              compiled.lp(), x, null, options.tolerance(), options.maxListedRows(), problem.agentCount());
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
}
