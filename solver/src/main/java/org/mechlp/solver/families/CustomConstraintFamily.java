package org.mechlp.solver.families;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.ConstraintQuantity;
import org.mechlp.model.CustomConstraint;
import org.mechlp.model.Fractions;
import org.mechlp.model.Prior;
import org.mechlp.model.Problem;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Custom constraints, {@code custom}: one row per entry of {@code mechanism.constraints} (docs/THEORY.md, Constraint
 * families, "Custom constraints"),
 *
 * <pre>
 *   sum_k c_k q_k(x, t)  (<=, >= or =)  b
 * </pre>
 *
 * where each q_k is a quantity linear in the allocation x(o|θ) and the transfers t_i(θ), under truthful reports
 * and the prior f:
 *
 * <pre>
 *   allocation (i, θ_i, S):   sum_{θ_-i} f(θ) / f_i(θ_i) sum_{o in S} x(o|θ)
 *   probability (S, θ):       sum_{o in S} x(o|θ);   without θ:  sum_θ f(θ) sum_{o in S} x(o|θ)
 *   payment (i):              sum_θ f(θ) t_i(θ);      with θ_i:   sum_{θ_-i} f(θ) / f_i(θ_i) t_i(θ)
 *   utility (i, θ_i):         sum_{θ_-i, ω} f(θ, ω) / f_i(θ_i) [sum_o x(o|θ) v_i(o, θ, ω) - t_i(θ)]
 *   budget:                   sum_θ f(θ) [sum_i t_i(θ) - sum_o cost(o) x(o|θ)]
 * </pre>
 *
 * Every coefficient is exact, so the rows are verified and certified like the built-in ones. Without transfers the
 * payment terms are 0. Key {@code {c}}, the constraint's position in the file; rows in file order.
 */
public final class CustomConstraintFamily implements ConstraintFamily {
  /** The family's id. */
  public static final String ID = "custom";

  private final Problem problem;
  private final VariableIndex variables;
  private final List<CustomConstraint> constraints;

  /** The custom rows of {@code problem} over {@code variables}. */
  public CustomConstraintFamily(Problem problem, VariableIndex variables) {
    this.problem = Objects.requireNonNull(problem, "problem");
    this.variables = Objects.requireNonNull(variables, "variables");
    this.constraints = problem.mechanism().constraints();
  }

  /** Whether {@code problem} has custom constraints. */
  public static boolean applies(Problem problem) {
    return !problem.mechanism().constraints().isEmpty();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "custom constraints";
  }

  @Override
  public long rowCount() {
    return constraints.size();
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    RowBuilder row = new RowBuilder();
    for (int c = 0; c < constraints.size(); c++) {
      CustomConstraint constraint = constraints.get(c);
      for (CustomConstraint.Term term : constraint.terms()) {
        addTerm(row, term.coefficient(), term.quantity());
      }
      sink.accept(row.build(this, new int[] {c}, sense(constraint.relation()), constraint.rhs()));
    }
  }

  private static Sense sense(CustomConstraint.Relation relation) {
    return switch (relation) {
      case LE -> Sense.LE;
      case GE -> Sense.GE;
      case EQ -> Sense.EQ;
    };
  }

  /** Adds {@code c} times the quantity's terms to {@code row}. */
  private void addTerm(RowBuilder row, BigFraction c, ConstraintQuantity quantity) {
    Prior prior = problem.prior();
    int profileCount = variables.profiles().count();
    if (quantity instanceof ConstraintQuantity.InterimAllocation a) {
      BigFraction typeProbability = prior.typeProbability(a.agent(), a.type());
      for (int p : variables.profiles().profilesWith(a.agent(), a.type())) {
        BigFraction weight = c.multiply(prior.profileProbability(p)).divide(typeProbability);
        for (int o : a.outcomes()) {
          row.add(variables.allocation(p, o), weight);
        }
      }
    } else if (quantity instanceof ConstraintQuantity.OutcomeProbability q && !q.inExpectation()) {
      int p = variables.profiles().encode(q.profile().stream().mapToInt(Integer::intValue).toArray());
      for (int o : q.outcomes()) {
        row.add(variables.allocation(p, o), c);
      }
    } else if (quantity instanceof ConstraintQuantity.OutcomeProbability q) {
      for (int p = 0; p < profileCount; p++) {
        BigFraction weight = c.multiply(prior.profileProbability(p));
        for (int o : q.outcomes()) {
          row.add(variables.allocation(p, o), weight);
        }
      }
    } else if (quantity instanceof ConstraintQuantity.ExpectedPayment pay) {
      if (!variables.hasTransfers()) {
        return;
      }
      if (pay.exAnte()) {
        for (int p = 0; p < profileCount; p++) {
          row.add(variables.transfer(p, pay.agent()), c.multiply(prior.profileProbability(p)));
        }
      } else {
        BigFraction typeProbability = prior.typeProbability(pay.agent(), pay.type());
        for (int p : variables.profiles().profilesWith(pay.agent(), pay.type())) {
          row.add(variables.transfer(p, pay.agent()), c.multiply(prior.profileProbability(p)).divide(typeProbability));
        }
      }
    } else if (quantity instanceof ConstraintQuantity.InterimUtility u) {
      InterimUtilityTerms.add(row, problem, variables, u.agent(), u.type(), c);
    } else if (quantity instanceof ConstraintQuantity.ExpectedBudget) {
      for (int p = 0; p < profileCount; p++) {
        BigFraction weight = c.multiply(prior.profileProbability(p));
        if (Fractions.isZero(weight)) {
          continue;
        }
        for (int o = 0; o < problem.outcomeCount(); o++) {
          row.add(variables.allocation(p, o), weight.multiply(problem.outcomes().get(o).cost()).negate());
        }
        if (variables.hasTransfers()) {
          for (int i = 0; i < problem.agentCount(); i++) {
            row.add(variables.transfer(p, i), weight);
          }
        }
      }
    } else {
      throw new IllegalArgumentException("unknown quantity " + quantity);
    }
  }

  @Override
  public String rowName(int[] key) {
    return ID + "[" + constraints.get(key[0]).name() + "]";
  }

  @Override
  public String describe(int[] key) {
    CustomConstraint c = constraints.get(key[0]);
    List<String> parts = new ArrayList<>();
    for (CustomConstraint.Term term : c.terms()) {
      String words = words(term.quantity());
      BigFraction k = term.coefficient();
      String factor = k.equals(BigFraction.ONE) ? "" : k.equals(BigFraction.MINUS_ONE) ? "-" : Fractions.format(k) + " x ";
      parts.add(factor + words);
    }
    String sum = String.join(" + ", parts).replace("+ -", "- ");
    String text = "Custom constraint " + c.name() + ": " + sum + " " + c.relation().json() + " "
        + Fractions.format(c.rhs());
    return c.description().isEmpty() ? text : text + " (" + c.description() + ")";
  }

  /** The quantity in words, for example "P(outcome in {sell} | buyer is high)". */
  private String words(ConstraintQuantity quantity) {
    if (quantity instanceof ConstraintQuantity.InterimAllocation a) {
      return "P(outcome in " + outcomes(a.outcomes()) + " | " + FamilyText.agent(problem, a.agent()) + " is "
          + FamilyText.type(problem, a.agent(), a.type()) + ")";
    }
    if (quantity instanceof ConstraintQuantity.OutcomeProbability q) {
      if (q.inExpectation()) {
        return "P(outcome in " + outcomes(q.outcomes()) + ")";
      }
      int p = variables.profiles().encode(q.profile().stream().mapToInt(Integer::intValue).toArray());
      return "P(outcome in " + outcomes(q.outcomes()) + " at " + problem.describeProfile(p, variables.profiles())
          + ")";
    }
    if (quantity instanceof ConstraintQuantity.ExpectedPayment pay) {
      String agent = FamilyText.agent(problem, pay.agent());
      return pay.exAnte()
          ? "E[payment of " + agent + "]"
          : "E[payment of " + agent + " | " + agent + " is " + FamilyText.type(problem, pay.agent(), pay.type()) + "]";
    }
    if (quantity instanceof ConstraintQuantity.InterimUtility u) {
      return "interim utility of " + FamilyText.agent(problem, u.agent()) + " of type "
          + FamilyText.type(problem, u.agent(), u.type());
    }
    return "E[transfers - cost]";
  }

  private String outcomes(List<Integer> outcomes) {
    List<String> names = new ArrayList<>();
    for (int o : outcomes) {
      names.add(problem.outcomes().get(o).name());
    }
    return "{" + String.join(", ", names) + "}";
  }

  /** The one agent every term concerns, or -1 when the row mixes agents or has agent-free terms. */
  @Override
  public int agentOf(int[] key) {
    int agent = -1;
    for (CustomConstraint.Term term : constraints.get(key[0]).terms()) {
      int own = agentOfQuantity(term.quantity());
      if (own < 0 || (agent >= 0 && own != agent)) {
        return -1;
      }
      agent = own;
    }
    return agent;
  }

  private static int agentOfQuantity(ConstraintQuantity quantity) {
    if (quantity instanceof ConstraintQuantity.InterimAllocation a) {
      return a.agent();
    }
    if (quantity instanceof ConstraintQuantity.ExpectedPayment p) {
      return p.agent();
    }
    if (quantity instanceof ConstraintQuantity.InterimUtility u) {
      return u.agent();
    }
    return -1;
  }
}
