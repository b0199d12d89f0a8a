package org.mechlp.solver.reduced;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.BudgetKind;
import org.mechlp.model.Fractions;
import org.mechlp.model.MechanismSpec;
import org.mechlp.model.Objective;
import org.mechlp.model.ObjectiveTerm;
import org.mechlp.model.Problem;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.Sense;

/**
 * The reduced LP of a {@link ReducedForm}: columns Q_i(θ) in [0, 1] (interim probability of getting the item) and
 * free P_i(θ) (interim expected payment), 2 N in all for N = sum_i k_i, Q first. Rows, in utility units:
 *
 * <pre>
 * BIC      gain_i(θ) [Q_i(θ) - Q_i(θ')] - P_i(θ) + P_i(θ') >= 0         f_i(θ) > 0, θ' != θ
 * IR       base_i(θ) + gain_i(θ) Q_i(θ) - P_i(θ) >= outside_i(θ)          interim, f_i(θ) > 0
 *          sum_θ f_i(θ) [base + gain Q - P] >= sum_θ f_i(θ) outside_i(θ)  ex ante
 * budget   sum_i sum_θ f_i(θ) P_i(θ) >= -B  (= for exante-strong)
 * Border   sum_i sum_{θ in S_i} f_i(θ) Q_i(θ) <= 1 - prod_i (1 - f_i(S_i))  for the cuts found so far
 * </pre>
 *
 * The objective is the problem's weighted revenue (= profit: outcomes are costless) and welfare / agent utility,
 * E[sum_i t_i] = sum f P and E[sum_i v_i] = sum f (base + gain Q).
 */
final class ReducedLp {
  private final ReducedForm form;
  private final int[] offset;
  private final int typeTotal;
  private final List<ReducedFamily> fixedFamilies = new ArrayList<>();
  private final ReducedFamily border = new ReducedFamily("border", "Border feasibility of the interim rule", false);

  ReducedLp(ReducedForm form) {
    this.form = form;
    int n = form.agentCount();
    this.offset = new int[n];
    int total = 0;
    for (int i = 0; i < n; i++) {
      offset[i] = total;
      total += form.typeCount(i);
    }
    this.typeTotal = total;
    buildFixedRows();
  }

  /** Column of Q_agent(type). */
  int q(int agent, int type) {
    return offset[agent] + type;
  }

  /** Column of P_agent(type). */
  int p(int agent, int type) {
    return typeTotal + offset[agent] + type;
  }

  int columnCount() {
    return 2 * typeTotal;
  }

  int borderCutCount() {
    return (int) border.rowCount();
  }

  /** Adds a Border cut over the sets {@code members}, with its exact right-hand side. */
  void addCut(boolean[][] members) {
    Problem problem = form.problem();
    List<Integer> columns = new ArrayList<>();
    List<BigFraction> coefficients = new ArrayList<>();
    BigFraction none = BigFraction.ONE;
    StringBuilder sets = new StringBuilder();
    for (int i = 0; i < form.agentCount(); i++) {
      BigFraction mass = BigFraction.ZERO;
      List<String> names = new ArrayList<>();
      for (int t = 0; t < form.typeCount(i); t++) {
        BigFraction f = form.typeProbability()[i][t];
        if (members[i][t] && !Fractions.isZero(f)) {
          columns.add(q(i, t));
          coefficients.add(f);
          mass = mass.add(f);
          names.add(problem.agents().get(i).types().get(t).name());
        }
      }
      none = none.multiply(BigFraction.ONE.subtract(mass));
      sets.append(i > 0 ? "; " : "").append(problem.agents().get(i).name()).append(": {")
          .append(String.join(",", names)).append('}');
    }
    int r = borderCutCount();
    border.add(
        new ReducedFamily.Spec(
            "border[" + r + "]",
            "Border: the item cannot go to the types " + sets + " more often than one of them is present",
            -1,
            columns.stream().mapToInt(Integer::intValue).toArray(),
            coefficients.toArray(new BigFraction[0]),
            Sense.LE,
            BigFraction.ONE.subtract(none)));
  }

  /** The LP with every cut added so far. */
  LinearProgram program() {
    List<ColumnBounds> bounds = new ArrayList<>();
    ColumnBounds unit = new ColumnBounds(BigFraction.ZERO, BigFraction.ONE);
    for (int c = 0; c < typeTotal; c++) {
      bounds.add(unit);
    }
    for (int c = 0; c < typeTotal; c++) {
      bounds.add(ColumnBounds.FREE);
    }
    List<ConstraintFamily> families = new ArrayList<>(fixedFamilies);
    families.add(border);
    return new LinearProgram(bounds, this::columnName, objective(), families);
  }

  String columnName(int column) {
    boolean payment = column >= typeTotal;
    int c = payment ? column - typeTotal : column;
    int i = 0;
    while (i + 1 < offset.length && offset[i + 1] <= c) {
      i++;
    }
    Problem problem = form.problem();
    return (payment ? "P[" : "Q[") + problem.agents().get(i).name() + "="
        + problem.agents().get(i).types().get(c - offset[i]).name() + "]";
  }

  private LinearObjective objective() {
    Objective objective = form.problem().objective();
    BigFraction valueWeight =
        objective.weight(ObjectiveTerm.WELFARE).add(objective.weight(ObjectiveTerm.AGENT_UTILITY));
    BigFraction transferWeight =
        objective.weight(ObjectiveTerm.REVENUE).add(objective.weight(ObjectiveTerm.PROFIT))
            .subtract(objective.weight(ObjectiveTerm.AGENT_UTILITY));
    BigFraction[] c = new BigFraction[columnCount()];
    Arrays.fill(c, BigFraction.ZERO);
    BigFraction constant = BigFraction.ZERO;
    for (int i = 0; i < form.agentCount(); i++) {
      for (int t = 0; t < form.typeCount(i); t++) {
        BigFraction f = form.typeProbability()[i][t];
        c[q(i, t)] = f.multiply(valueWeight).multiply(form.gain()[i][t]);
        c[p(i, t)] = f.multiply(transferWeight);
        constant = constant.add(f.multiply(valueWeight).multiply(form.base()[i][t]));
      }
    }
    return new LinearObjective(objective.maximize(), c, constant);
  }

  private void buildFixedRows() {
    Problem problem = form.problem();
    MechanismSpec spec = problem.mechanism();
    ReducedFamily bic = new ReducedFamily("reduced-bic", "Bayesian incentive compatibility (interim)", true);
    for (int i = 0; i < form.agentCount(); i++) {
      for (int t = 0; t < form.typeCount(i); t++) {
        if (Fractions.isZero(form.typeProbability()[i][t])) {
          continue;
        }
        BigFraction g = form.gain()[i][t];
        for (int r = 0; r < form.typeCount(i); r++) {
          if (r == t) {
            continue;
          }
          bic.add(
              new ReducedFamily.Spec(
                  "reduced-bic[" + agent(i) + ":" + type(i, t) + "->" + type(i, r) + "]",
                  "IC (Bayesian): " + agent(i) + " of type " + type(i, t)
                      + " must not gain in expectation by reporting " + type(i, r),
                  i,
                  new int[] {q(i, t), q(i, r), p(i, t), p(i, r)},
                  new BigFraction[] {g, g.negate(), BigFraction.MINUS_ONE, BigFraction.ONE},
                  Sense.GE,
                  BigFraction.ZERO));
        }
      }
    }
    fixedFamilies.add(bic);
    switch (spec.ir()) {
      case INTERIM -> {
        ReducedFamily ir = new ReducedFamily("reduced-ir-interim", "interim individual rationality", false);
        for (int i = 0; i < form.agentCount(); i++) {
          for (int t = 0; t < form.typeCount(i); t++) {
            if (Fractions.isZero(form.typeProbability()[i][t])) {
              continue;
            }
            BigFraction outside = spec.outsideOption(i, t);
            ir.add(
                new ReducedFamily.Spec(
                    "reduced-ir-interim[" + agent(i) + ":" + type(i, t) + "]",
                    "IR (interim): " + agent(i) + " of type " + type(i, t)
                        + " must expect at least its outside option " + Fractions.format(outside),
                    i,
                    new int[] {q(i, t), p(i, t)},
                    new BigFraction[] {form.gain()[i][t], BigFraction.MINUS_ONE},
                    Sense.GE,
                    outside.subtract(form.base()[i][t])));
          }
        }
        fixedFamilies.add(ir);
      }
      case EX_ANTE -> {
        ReducedFamily ir = new ReducedFamily("reduced-ir-exante", "ex ante individual rationality", false);
        for (int i = 0; i < form.agentCount(); i++) {
          int k = form.typeCount(i);
          int[] columns = new int[2 * k];
          BigFraction[] coefficients = new BigFraction[2 * k];
          BigFraction rhs = BigFraction.ZERO;
          for (int t = 0; t < k; t++) {
            BigFraction f = form.typeProbability()[i][t];
            columns[t] = q(i, t);
            coefficients[t] = f.multiply(form.gain()[i][t]);
            columns[k + t] = p(i, t);
            coefficients[k + t] = f.negate();
            rhs = rhs.add(f.multiply(spec.outsideOption(i, t).subtract(form.base()[i][t])));
          }
          ir.add(
              new ReducedFamily.Spec(
                  "reduced-ir-exante[" + agent(i) + "]",
                  "IR (ex ante): " + agent(i) + " must expect at least its expected outside option",
                  i,
                  columns,
                  coefficients,
                  Sense.GE,
                  rhs));
        }
        fixedFamilies.add(ir);
      }
      default -> {}
    }
    if (spec.budget() != BudgetKind.NONE) {
      ReducedFamily budget = new ReducedFamily("reduced-budget-exante", "ex ante budget balance", false);
      int[] columns = new int[typeTotal];
      BigFraction[] coefficients = new BigFraction[typeTotal];
      for (int i = 0; i < form.agentCount(); i++) {
        for (int t = 0; t < form.typeCount(i); t++) {
          columns[offset[i] + t] = p(i, t);
          coefficients[offset[i] + t] = form.typeProbability()[i][t];
        }
      }
      budget.add(
          new ReducedFamily.Spec(
              "reduced-budget-exante",
              "Budget (ex ante): expected payments must cover the subsidy limit",
              -1,
              columns,
              coefficients,
              spec.budget() == BudgetKind.EX_ANTE_STRONG ? Sense.EQ : Sense.GE,
              spec.budgetAmount().negate()));
      fixedFamilies.add(budget);
    }
  }

  private String agent(int i) {
    return form.problem().agents().get(i).name();
  }

  private String type(int i, int t) {
    return form.problem().agents().get(i).types().get(t).name();
  }
}
