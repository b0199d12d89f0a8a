package org.mechlp.solver.diagnose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.BudgetKind;
import org.mechlp.model.Fractions;
import org.mechlp.model.Problem;
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.certify.Certifier;
import org.mechlp.solver.diagnose.InfeasibilityReport.Relaxation;
import org.mechlp.solver.diagnose.InfeasibilityReport.RelaxationKind;
import org.mechlp.solver.families.BudgetFamily;
import org.mechlp.solver.families.CustomConstraintFamily;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.verify.VerifiedLp;

/**
 * The least relaxation of each relaxable kind in the conflict, all other constraints of the problem kept, each an
 * elastic LP in the problem's units and verified like every mechlp answer (the verifier recomputes the relaxed rows,
 * relaxation columns included, at the solver's point):
 *
 * <ul>
 *   <li>budget: a subsidy column s >= 0 added to the ex ante budget row, or one s(θ) >= 0 per profile on the ex post
 *       rows; minimize the expected subsidy s, or sum_θ f(θ) s(θ);
 *   <li>IR: one shortfall s >= 0 added to every IR row (rows are in utility units), which lowers every outside option
 *       by s; minimize s;
 *   <li>IC: one epsilon >= 0 added to every incentive row (utility units: the gain from a misreport); minimize it;
 *   <li>custom constraints: one s_c >= 0 per row moving its constant in the loosening direction (two, s_c+ and s_c-,
 *       for an equality); minimize sum_c s_c, the total by which the user's constants must move.
 * </ul>
 *
 * Transfer bounds are not relaxed.
 */
final class LeastRelaxations {
  private LeastRelaxations() {}

  /**
   * The relaxations of the conflicting families (positions in the LP's family order); with a non-null
   * {@code resolver} (a second solve for another basis) each least amount is certified exactly from the backend's
   * basis.
   */
  static List<Relaxation> compute(
      FeasibilityOracle oracle, Problem problem, List<Integer> conflict, Function<LinearProgram, LpResult> resolver) {
    List<ConstraintFamily> families = oracle.lp().families();
    List<Relaxation> out = new ArrayList<>();
    for (int f : conflict) {
      ConstraintFamily family = families.get(f);
      if (family instanceof BudgetFamily budget) {
        out.add(budget(oracle, problem, f, budget, resolver));
      } else if (family.id().startsWith("ir-")) {
        out.add(uniform(oracle, f, RelaxationKind.IR, resolver));
      } else if (family.isIncentiveConstraint()) {
        out.add(uniform(oracle, f, RelaxationKind.IC, resolver));
      } else if (family.id().equals(CustomConstraintFamily.ID)) {
        out.add(custom(oracle, f, resolver));
      }
    }
    return out;
  }

  /** A relaxation LP and its verified solve. */
  private record Solved(LinearProgram program, VerifiedLp verified) {}

  private static Relaxation budget(
      FeasibilityOracle oracle,
      Problem problem,
      int f,
      BudgetFamily family,
      Function<LinearProgram, LpResult> resolver) {
    boolean exPost = family.kind() == BudgetKind.EX_POST_WEAK || family.kind() == BudgetKind.EX_POST_STRONG;
    int n = oracle.lp().columnCount();
    int profiles = exPost ? (int) family.rowCount() : 1;
    BigFraction[] cost = new BigFraction[profiles];
    for (int p = 0; p < profiles; p++) {
      cost[p] = exPost ? problem.prior().profileProbability(p) : BigFraction.ONE;
    }
    AugmentedFamily relaxed =
        new AugmentedFamily(
            family,
            (position, row) ->
                List.of(new AugmentedFamily.Term(n + (exPost ? row.key()[0] : 0), BigFraction.ONE)));
    Solved solved = solveRelaxed(oracle, f, relaxed, cost);
    String extra =
        Fractions.isZero(problem.mechanism().budgetAmount())
            ? ""
            : " beyond the allowed deficit " + Fractions.format(problem.mechanism().budgetAmount());
    String how =
        exPost
            ? " (a deficit allowed at every profile, its expectation minimized; all other constraints kept)"
            : " (a deficit allowed in expectation; all other constraints kept)";
    return relaxation(
        RelaxationKind.BUDGET,
        family,
        solved,
        amount -> "needs an expected subsidy of at least " + amount + extra + how,
        resolver);
  }

  private static Relaxation uniform(
      FeasibilityOracle oracle, int f, RelaxationKind kind, Function<LinearProgram, LpResult> resolver) {
    ConstraintFamily family = oracle.lp().families().get(f);
    int n = oracle.lp().columnCount();
    AugmentedFamily relaxed =
        new AugmentedFamily(family, (position, row) -> List.of(new AugmentedFamily.Term(n, BigFraction.ONE)));
    Solved solved = solveRelaxed(oracle, f, relaxed, new BigFraction[] {BigFraction.ONE});
    if (kind == RelaxationKind.IR) {
      String scope =
          switch (family.id()) {
            case "ir-expost" -> "for every type at every profile";
            case "ir-exante" -> "for every agent";
            default -> "for every type";
          };
      return relaxation(
          kind,
          family,
          solved,
          amount ->
              "IR ("
                  + family.title().replace(" individual rationality", "")
                  + ") must be relaxed by at least "
                  + amount
                  + " "
                  + scope
                  + " (every outside option lowered by that much; all other constraints kept)",
          resolver);
    }
    return relaxation(
        kind,
        family,
        solved,
        amount ->
            "an epsilon-IC mechanism ("
                + family.id()
                + ") exists for epsilon >= "
                + amount
                + " (every misreport may gain up to epsilon; all other constraints kept)",
        resolver);
  }

  private static Relaxation custom(FeasibilityOracle oracle, int f, Function<LinearProgram, LpResult> resolver) {
    ConstraintFamily family = oracle.lp().families().get(f);
    int n = oracle.lp().columnCount();
    int rows = (int) family.rowCount();
    // Row c gets column n + 2c (loosening a <= row lowers its left side, a >= row raises it) and, for an equality,
    // n + 2c + 1 for the other direction; an unused column is free to be 0.
    AugmentedFamily relaxed =
        new AugmentedFamily(
            family,
            (position, row) ->
                switch (row.sense()) {
                  case LE -> List.of(new AugmentedFamily.Term(n + 2 * position, BigFraction.MINUS_ONE));
                  case GE -> List.of(new AugmentedFamily.Term(n + 2 * position, BigFraction.ONE));
                  case EQ -> List.of(
                      new AugmentedFamily.Term(n + 2 * position, BigFraction.ONE),
                      new AugmentedFamily.Term(n + 2 * position + 1, BigFraction.MINUS_ONE));
                });
    BigFraction[] cost = new BigFraction[2 * rows];
    Arrays.fill(cost, BigFraction.ONE);
    Solved solved = solveRelaxed(oracle, f, relaxed, cost);
    String scope = rows == 1 ? "" : " in total over the " + rows + " custom constraints";
    return relaxation(
        RelaxationKind.CUSTOM,
        family,
        solved,
        amount ->
            "the custom constraints' constants must move by at least " + amount + scope
                + " in the loosening direction (all other constraints kept)",
        resolver);
  }

  /** Solves the problem with {@code relaxed} in place of family {@code f}, minimizing cost · relaxation columns. */
  private static Solved solveRelaxed(
      FeasibilityOracle oracle, int f, ConstraintFamily relaxed, BigFraction[] cost) {
    LinearProgram lp = oracle.lp();
    int n = lp.columnCount();
    List<ConstraintFamily> families = new ArrayList<>(lp.families());
    families.set(f, relaxed);
    List<ColumnBounds> bounds = new ArrayList<>(lp.bounds());
    BigFraction[] objective = new BigFraction[n + cost.length];
    Arrays.fill(objective, BigFraction.ZERO);
    for (int k = 0; k < cost.length; k++) {
      bounds.add(ColumnBounds.NON_NEGATIVE);
      objective[n + k] = cost[k];
    }
    LinearProgram program =
        new LinearProgram(
            bounds,
            j -> j < n ? lp.columnName(j) : "relaxation" + (j - n),
            new LinearObjective(false, objective, BigFraction.ZERO),
            families);
    return new Solved(program, oracle.solve(program));
  }

  /** Words for an amount, given as an exact fraction or "about 0.0123". */
  private interface Words {
    String with(String amount);
  }

  private static Relaxation relaxation(
      RelaxationKind kind,
      ConstraintFamily family,
      Solved relaxationLp,
      Words words,
      Function<LinearProgram, LpResult> resolver) {
    VerifiedLp solved = relaxationLp.verified();
    if (solved.status() == SolveStatus.OPTIMAL && resolver != null) {
      return exactRelaxation(kind, family, relaxationLp, words, resolver);
    }
    if (solved.status() == SolveStatus.OPTIMAL) {
      double value = solved.objective();
      BigFraction exact = CleanFraction.of(value);
      String amount =
          exact != null ? Fractions.format(exact) : String.format(Locale.ROOT, "about %.6g", value);
      return new Relaxation(kind, family.id(), value, exact, words.with(amount));
    }
    if (solved.status() == SolveStatus.INFEASIBLE) {
      return new Relaxation(
          kind, family.id(), null, null, "relaxing " + family.title() + " alone does not restore feasibility");
    }
    return new Relaxation(
        kind,
        family.id(),
        null,
        null,
        "the relaxation LP for " + family.title() + " ended " + solved.status() + ": " + solved.message());
  }

  /**
   * The least amount certified exactly from the relaxation LP's basis: "1/12 (certified)" when {@link Certifier}
   * proves the optimum, else the floating-point amount with "(not certified: reason)".
   */
  private static Relaxation exactRelaxation(
      RelaxationKind kind,
      ConstraintFamily family,
      Solved relaxationLp,
      Words words,
      Function<LinearProgram, LpResult> resolver) {
    Certification c =
        Certifier.certify(relaxationLp.program(), relaxationLp.verified().result().basis(), resolver);
    if (c.certified()) {
      BigFraction exact = c.objective();
      return new Relaxation(kind, family.id(), exact.doubleValue(), exact,
          words.with(Fractions.format(exact) + " (certified)"), "certified");
    }
    double value = relaxationLp.verified().objective();
    BigFraction clean = CleanFraction.of(value);
    String amount = clean != null ? Fractions.format(clean) : String.format(Locale.ROOT, "about %.6g", value);
    String why = "not certified: " + c.reason();
    return new Relaxation(kind, family.id(), value, clean, words.with(amount + " (" + why + ")"), why);
  }
}
