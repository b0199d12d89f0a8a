package org.mechlp.solver.families;

import java.util.Objects;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.BudgetKind;
import org.mechlp.model.Fractions;
import org.mechlp.model.Prior;
import org.mechlp.model.Problem;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Budget balance (docs/THEORY.md, Constraint families, "BB"): the transfers collected cover the chosen outcome's cost,
 * up to the designer's subsidy B ({@code budgetAmount}). Ex post ({@code budget-expost}, weak or strong):
 *
 * <pre>
 * for every reported profile θ:  sum_i t_i(θ) - sum_o cost(o) x(o|θ)  (>= or =)  -B
 * </pre>
 *
 * rows for every profile, including probability-0 ones. Ex ante ({@code budget-exante}, weak or strong), one row:
 *
 * <pre>
 * sum_θ f(θ) [sum_i t_i(θ) - sum_o cost(o) x(o|θ)]  (>= or =)  -B
 * </pre>
 *
 * Weak kinds use {@code >=} (deficit at most B), strong kinds {@code =} (deficit exactly B). Without transfers only
 * the cost terms remain. Key {@code {θ}} ex post, the empty key ex ante.
 */
public final class BudgetFamily implements ConstraintFamily {
  private final Problem problem;
  private final VariableIndex variables;
  private final BudgetKind kind;
  private final boolean exPost;
  private final boolean strong;

  /** The rows of the problem's own budget kind, which must not be {@link BudgetKind#NONE}. */
  public BudgetFamily(Problem problem, VariableIndex variables) {
    this(problem, variables, problem.mechanism().budget());
  }

  /** The rows of budget balance {@code kind}, which must not be {@link BudgetKind#NONE}. */
  public BudgetFamily(Problem problem, VariableIndex variables, BudgetKind kind) {
    this.problem = Objects.requireNonNull(problem, "problem");
    this.variables = Objects.requireNonNull(variables, "variables");
    this.kind = Objects.requireNonNull(kind, "kind");
    if (kind == BudgetKind.NONE) {
      throw new IllegalArgumentException("BudgetFamily needs a budget kind other than none");
    }
    this.exPost = kind == BudgetKind.EX_POST_WEAK || kind == BudgetKind.EX_POST_STRONG;
    this.strong = kind == BudgetKind.EX_POST_STRONG || kind == BudgetKind.EX_ANTE_STRONG;
  }

  @Override
  public String id() {
    return exPost ? "budget-expost" : "budget-exante";
  }

  @Override
  public String title() {
    return "budget balance (" + timing() + ")";
  }

  private String timing() {
    return (exPost ? "ex post, " : "ex ante, ") + (strong ? "strong" : "weak");
  }

  /** The budget kind these rows enforce. */
  public BudgetKind kind() {
    return kind;
  }

  @Override
  public long rowCount() {
    return exPost ? variables.profiles().count() : 1;
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    RowBuilder row = new RowBuilder();
    Sense sense = strong ? Sense.EQ : Sense.GE;
    BigFraction rhs = problem.mechanism().budgetAmount().negate();
    Prior prior = problem.prior();
    int profileCount = variables.profiles().count();
    for (int p = 0; p < profileCount; p++) {
      BigFraction weight = exPost ? BigFraction.ONE : prior.profileProbability(p);
      if (!Fractions.isZero(weight)) {
        for (int o = 0; o < problem.outcomeCount(); o++) {
          row.add(variables.allocation(p, o), weight.multiply(problem.outcomes().get(o).cost()).negate());
        }
        if (variables.hasTransfers()) {
          for (int i = 0; i < problem.agentCount(); i++) {
            row.add(variables.transfer(p, i), weight);
          }
        }
      }
      if (exPost) {
        sink.accept(row.build(this, new int[] {p}, sense, rhs));
      }
    }
    if (!exPost) {
      sink.accept(row.build(this, new int[0], sense, rhs));
    }
  }

  @Override
  public String rowName(int[] key) {
    return exPost ? id() + "[" + variables.profileName(key[0]) + "]" : id();
  }

  @Override
  public String describe(int[] key) {
    String deficit =
        (strong ? " (deficit exactly " : " (deficit at most ")
            + Fractions.format(problem.mechanism().budgetAmount())
            + ")";
    String cover = strong ? "exactly cover" : "cover";
    if (exPost) {
      return "Budget ("
          + timing()
          + "): transfers "
          + cover
          + " the outcome's cost at "
          + problem.describeProfile(key[0], variables.profiles())
          + deficit;
    }
    return "Budget (" + timing() + "): expected transfers " + cover + " the expected cost" + deficit;
  }
}
