package org.mechlp.solver.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.BudgetKind;
import org.mechlp.model.Objective;
import org.mechlp.model.ObjectiveTerm;
import org.mechlp.model.Problem;

/**
 * An optimal mechanism explained by its binding constraints: which kinds of constraint bind (IC, IR, the budget) and,
 * for the rows with a shadow price, what relaxing each by one unit would do to the objective at the margin ("letting
 * this misreport gain 1 raises revenue by 0.5"). Built from a {@link Verification}, so it explains exactly the rows
 * the independent verifier found binding, largest shadow price first.
 *
 * @param summary one sentence per constraint kind: how many rows bind, or that a budget does not bind
 * @param shadowPrices the listed binding rows that have a dual, in the verification's order (largest |dual| first)
 */
public record Explanation(List<String> summary, List<ShadowPrice> shadowPrices) {
  public Explanation {
    summary = List.copyOf(summary);
    shadowPrices = List.copyOf(shadowPrices);
  }

  /**
   * One binding row's shadow price in words.
   *
   * @param row the binding row
   * @param effect the change of the objective per unit of relaxation (see {@link RowCheck#relaxationEffect()}), or,
   *     for an equality, per unit increase of its right-hand side
   * @param sentence the row's meaning for the objective, for example "letting this misreport gain 1 raises revenue by
   *     0.111111"
   */
  public record ShadowPrice(RowCheck row, double effect, String sentence) {}

  /** The explanation of a verified optimal point of {@code problem}. */
  public static Explanation of(Problem problem, Verification verification) {
    List<String> summary = new ArrayList<>();
    Map<String, Long> counts = verification.bindingCountByFamily();
    counts.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .filter(e -> !e.getKey().equals("feasibility"))
        .forEach(
            e -> summary.add(kindName(e.getKey()) + " [" + e.getKey() + "]: " + rows(e.getValue())));
    BudgetKind budget = problem.mechanism().budget();
    boolean budgetBinds = counts.keySet().stream().anyMatch(id -> id.startsWith("budget"));
    if (budget != BudgetKind.NONE && !budgetBinds) {
      summary.add("budget (" + budget.json() + "): does not bind; the mechanism runs a surplus");
    }
    String objectiveNoun = objectiveNoun(problem.objective());
    boolean maximize = problem.objective().maximize();
    List<ShadowPrice> prices = new ArrayList<>();
    for (RowCheck row : verification.binding()) {
      if (row.dual() == null || row.sense() == null) {
        continue;
      }
      Double relax = row.relaxationEffect();
      double effect = relax != null ? relax : row.dual();
      String sentence =
          relax != null
              ? relaxPhrase(row.family()) + " " + change(effect, objectiveNoun, maximize)
              : "raising its right-hand side by 1 " + signedChange(effect, objectiveNoun);
      prices.add(new ShadowPrice(row, effect, sentence));
    }
    return new Explanation(summary, prices);
  }

  private static String rows(long count) {
    return count == 1 ? "1 row binds" : count + " rows bind";
  }

  private static String kindName(String familyId) {
    return switch (familyId) {
      case "ic-dsic" -> "IC (dominant strategy)";
      case "ic-expost" -> "IC (ex post)";
      case "ic-bic" -> "IC (Bayesian)";
      case "ir-expost" -> "IR (ex post)";
      case "ir-interim" -> "IR (interim)";
      case "ir-exante" -> "IR (ex ante)";
      case "budget-expost" -> "budget (ex post)";
      case "budget-exante" -> "budget (ex ante)";
      case "transfer-bounds" -> "transfer bounds";
      case "fixed-allocation" -> "fixed allocation";
      case "custom" -> "custom constraints";
      default -> familyId;
    };
  }

  /** What one unit of relaxation means for a row of this family, in the problem's units. */
  private static String relaxPhrase(String familyId) {
    if (familyId.startsWith("ic")) {
      return "letting this misreport gain 1";
    }
    if (familyId.startsWith("ir")) {
      return "lowering this outside option by 1";
    }
    if (familyId.startsWith("budget")) {
      return "a subsidy of 1 more";
    }
    if (familyId.equals("transfer-bounds")) {
      return "widening this bound by 1";
    }
    if (familyId.equals("custom")) {
      return "loosening this constraint's constant by 1";
    }
    return "relaxing this row by 1";
  }

  /** The objective in a word when it is a single unweighted term, else "the objective". */
  static String objectiveNoun(Objective objective) {
    ObjectiveTerm single = null;
    for (ObjectiveTerm term : ObjectiveTerm.values()) {
      BigFraction w = objective.weight(term);
      if (w.getNumerator().signum() != 0) {
        if (single != null || !w.equals(BigFraction.ONE)) {
          return "the objective";
        }
        single = term;
      }
    }
    if (single == null) {
      return "the objective";
    }
    return switch (single) {
      case AGENT_UTILITY -> "the agents' utility";
      case DESIGNER -> "the designer's value";
      default -> single.json();
    };
  }

  private static String change(double effect, String noun, boolean maximize) {
    if (effect == 0) {
      return "does not change " + noun + " at the margin (another binding row takes over)";
    }
    // Relaxing a constraint can only help: a maximum rises, a minimum falls.
    String verb = effect > 0 ? "raises " : "lowers ";
    String note = (effect > 0) == maximize ? "" : " (the dual has an unexpected sign: check the verification)";
    return verb + noun + " by " + number(Math.abs(effect)) + note;
  }

  private static String signedChange(double effect, String noun) {
    if (effect == 0) {
      return "does not change " + noun + " at the margin";
    }
    return (effect > 0 ? "raises " : "lowers ") + noun + " by " + number(Math.abs(effect));
  }

  /** Six significant digits without noise ("0.111111", "2"), as the report's tables print duals. */
  private static String number(double value) {
    if (Math.abs(value) < 1e-9) {
      return "0";
    }
    return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
