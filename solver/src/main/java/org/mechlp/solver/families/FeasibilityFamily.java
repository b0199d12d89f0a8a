package org.mechlp.solver.families;

import java.util.Objects;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Problem;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Feasibility: the allocation at every reported profile is a lottery over the outcomes (docs/THEORY.md, Constraint
 * families, "feasibility"):
 *
 * <pre>for every reported profile p:  sum_o x(o|p) = 1</pre>
 *
 * <p>Non-negativity of x is a column bound, not a row. Key {@code {p}}; one row per profile, in profile order.
 */
public final class FeasibilityFamily implements ConstraintFamily {
  /** The family's id. */
  public static final String ID = "feasibility";

  private final Problem problem;
  private final VariableIndex variables;

  /** The feasibility rows of {@code problem} over {@code variables}. */
  public FeasibilityFamily(Problem problem, VariableIndex variables) {
    this.problem = Objects.requireNonNull(problem, "problem");
    this.variables = Objects.requireNonNull(variables, "variables");
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "outcome probabilities sum to 1";
  }

  @Override
  public long rowCount() {
    return variables.profiles().count();
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    RowBuilder row = new RowBuilder();
    int profileCount = variables.profiles().count();
    for (int p = 0; p < profileCount; p++) {
      for (int o = 0; o < problem.outcomeCount(); o++) {
        row.add(variables.allocation(p, o), BigFraction.ONE);
      }
      sink.accept(row.build(this, new int[] {p}, Sense.EQ, BigFraction.ONE));
    }
  }

  @Override
  public String rowName(int[] key) {
    return ID + "[" + variables.profileName(key[0]) + "]";
  }

  @Override
  public String describe(int[] key) {
    return "Feasibility: the outcome probabilities at "
        + problem.describeProfile(key[0], variables.profiles())
        + " sum to 1";
  }
}
