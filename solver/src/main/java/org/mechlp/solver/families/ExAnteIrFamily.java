package org.mechlp.solver.families;

import java.util.Objects;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.Prior;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Ex ante individual rationality, {@code ir-exante} (docs/THEORY.md, Constraint families, "IR ex ante"): every agent
 * expects, before learning its type, at least its expected outside option,
 *
 * <pre>
 * for every agent i:
 *   sum_{θ, ω} f(θ,ω) [sum_o x(o|θ) v_i(o,θ,ω) - t_i(θ)] >= sum_{θ_i} f_i(θ_i) outside_i(θ_i)
 * </pre>
 *
 * The state sum is taken as f(θ) ū_i(o,θ), as in {@link BicFamily}. Key {@code {i}}; one row per agent.
 */
public final class ExAnteIrFamily implements ConstraintFamily {
  /** The family's id. */
  public static final String ID = "ir-exante";

  private final Problem problem;
  private final VariableIndex variables;
  private final TypeProfiles profiles;
  private final Prior prior;

  /** The ex ante IR rows of {@code problem} over {@code variables}. */
  public ExAnteIrFamily(Problem problem, VariableIndex variables) {
    this.problem = Objects.requireNonNull(problem, "problem");
    this.variables = Objects.requireNonNull(variables, "variables");
    this.profiles = variables.profiles();
    this.prior = problem.prior();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "ex ante individual rationality";
  }

  @Override
  public long rowCount() {
    return problem.agentCount();
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    RowBuilder row = new RowBuilder();
    for (int i = 0; i < problem.agentCount(); i++) {
      for (int p = 0; p < profiles.count(); p++) {
        BigFraction weight = prior.profileProbability(p);
        if (Fractions.isZero(weight)) {
          continue;
        }
        for (int o = 0; o < problem.outcomeCount(); o++) {
          row.add(variables.allocation(p, o), weight.multiply(problem.expectedValue(i, o, p, profiles)));
        }
        if (variables.hasTransfers()) {
          row.add(variables.transfer(p, i), weight.negate());
        }
      }
      sink.accept(row.build(this, new int[] {i}, Sense.GE, expectedOutsideOption(i)));
    }
  }

  private BigFraction expectedOutsideOption(int agent) {
    BigFraction sum = BigFraction.ZERO;
    for (int t = 0; t < profiles.typeCount(agent); t++) {
      sum = sum.add(prior.typeProbability(agent, t).multiply(problem.mechanism().outsideOption(agent, t)));
    }
    return sum;
  }

  @Override
  public String rowName(int[] key) {
    return ID + "[" + FamilyText.agent(problem, key[0]) + "]";
  }

  @Override
  public String describe(int[] key) {
    return "IR (ex ante): "
        + FamilyText.agent(problem, key[0])
        + " must expect at least its expected outside option "
        + Fractions.format(expectedOutsideOption(key[0]));
  }

  @Override
  public int agentOf(int[] key) {
    return key[0];
  }
}
