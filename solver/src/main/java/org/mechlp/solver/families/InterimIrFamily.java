package org.mechlp.solver.families;

import java.util.Objects;
import java.util.function.Consumer;
import org.mechlp.model.Fractions;
import org.mechlp.model.Prior;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Interim individual rationality, {@code ir-interim} (docs/THEORY.md, Constraint families, "IR interim"): every type of
 * every agent expects at least its outside option, given its own type,
 *
 * <pre>
 * for every agent i, every type θ_i with f_i(θ_i) > 0:
 *   sum_{θ_-i, ω} [f(θ,ω) / f_i(θ_i)] [sum_o x(o|θ) v_i(o,θ,ω) - t_i(θ)] >= outside_i(θ_i)
 * </pre>
 *
 * The state sum is taken as f(θ) ū_i(o,θ), as in {@link BicFamily}. Types with f_i(θ_i) = 0 have no rows: the
 * constraint multiplied by f_i(θ_i), as docs/THEORY.md writes it, is 0 >= 0 for them. Key {@code {i, θ_i}}; rows in
 * order of agent, then type.
 */
public final class InterimIrFamily implements ConstraintFamily {
  /** The family's id. */
  public static final String ID = "ir-interim";

  private final Problem problem;
  private final VariableIndex variables;
  private final TypeProfiles profiles;
  private final Prior prior;
  private final long rowCount;

  /** The interim IR rows of {@code problem} over {@code variables}. */
  public InterimIrFamily(Problem problem, VariableIndex variables) {
    this.problem = Objects.requireNonNull(problem, "problem");
    this.variables = Objects.requireNonNull(variables, "variables");
    this.profiles = variables.profiles();
    this.prior = problem.prior();
    long rows = 0;
    for (int i = 0; i < problem.agentCount(); i++) {
      for (int t = 0; t < profiles.typeCount(i); t++) {
        if (!Fractions.isZero(prior.typeProbability(i, t))) {
          rows++;
        }
      }
    }
    this.rowCount = rows;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "interim individual rationality";
  }

  @Override
  public long rowCount() {
    return rowCount;
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    RowBuilder row = new RowBuilder();
    for (int i = 0; i < problem.agentCount(); i++) {
      for (int t = 0; t < profiles.typeCount(i); t++) {
        if (Fractions.isZero(prior.typeProbability(i, t))) {
          continue;
        }
        InterimUtilityTerms.add(row, problem, variables, i, t);
        sink.accept(
            row.build(this, new int[] {i, t}, Sense.GE, problem.mechanism().outsideOption(i, t)));
      }
    }
  }

  @Override
  public String rowName(int[] key) {
    return ID + "[" + FamilyText.agent(problem, key[0]) + ":" + FamilyText.type(problem, key[0], key[1]) + "]";
  }

  @Override
  public String describe(int[] key) {
    int i = key[0];
    return "IR (interim): "
        + FamilyText.agent(problem, i)
        + " of type "
        + FamilyText.type(problem, i, key[1])
        + " must expect at least its outside option "
        + Fractions.format(problem.mechanism().outsideOption(i, key[1]));
  }

  @Override
  public int agentOf(int[] key) {
    return key[0];
  }
}
