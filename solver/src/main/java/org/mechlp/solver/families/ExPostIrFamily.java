package org.mechlp.solver.families;

import java.util.Objects;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Ex post individual rationality, {@code ir-expost} (docs/THEORY.md, Constraint families, "IR ex post"): every agent
 * gets at least its outside option at every profile,
 *
 * <pre>
 * for every agent i, every profile θ:  sum_o x(o|θ) ū_i(o,θ) - t_i(θ) >= outside_i(θ_i)
 * </pre>
 *
 * where ū_i(o,θ) averages i's value over the state given θ ({@link Problem#expectedValue}). Rows cover every
 * profile, including probability-0 ones. Key {@code {i, θ}}; rows in order of agent, then profile.
 */
public final class ExPostIrFamily implements ConstraintFamily {
  /** The family's id. */
  public static final String ID = "ir-expost";

  private final Problem problem;
  private final VariableIndex variables;
  private final TypeProfiles profiles;

  /** The ex post IR rows of {@code problem} over {@code variables}. */
  public ExPostIrFamily(Problem problem, VariableIndex variables) {
    this.problem = Objects.requireNonNull(problem, "problem");
    this.variables = Objects.requireNonNull(variables, "variables");
    this.profiles = variables.profiles();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "ex post individual rationality";
  }

  @Override
  public long rowCount() {
    return (long) problem.agentCount() * profiles.count();
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    RowBuilder row = new RowBuilder();
    for (int i = 0; i < problem.agentCount(); i++) {
      for (int p = 0; p < profiles.count(); p++) {
        for (int o = 0; o < problem.outcomeCount(); o++) {
          row.add(variables.allocation(p, o), problem.expectedValue(i, o, p, profiles));
        }
        if (variables.hasTransfers()) {
          row.add(variables.transfer(p, i), BigFraction.MINUS_ONE);
        }
        BigFraction outside = problem.mechanism().outsideOption(i, profiles.typeOf(p, i));
        sink.accept(row.build(this, new int[] {i, p}, Sense.GE, outside));
      }
    }
  }

  @Override
  public String rowName(int[] key) {
    return ID + "[" + FamilyText.agentAtProfile(problem, profiles, key[1], key[0]) + "]";
  }

  @Override
  public String describe(int[] key) {
    int i = key[0];
    int p = key[1];
    int type = profiles.typeOf(p, i);
    return "IR (ex post): "
        + FamilyText.agent(problem, i)
        + " of type "
        + FamilyText.type(problem, i, type)
        + " must get at least its outside option "
        + Fractions.format(problem.mechanism().outsideOption(i, type))
        + FamilyText.whenOthers(problem, profiles, p, i);
  }

  @Override
  public int agentOf(int[] key) {
    return key[0];
  }
}
