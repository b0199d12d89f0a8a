package org.mechlp.solver.families;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.PinnedUtility;
import org.mechlp.model.Prior;
import org.mechlp.model.Problem;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Pinned interim utilities, {@code pinned-utility}: the types listed in the spec's {@code pinnedUtilities} get
 * exactly the given interim expected utility under truthful reports (revenue equivalence fixes the lowest types'
 * utility; docs/THEORY.md, Classical results),
 *
 * <pre>
 *   sum_{θ_-i, ω} [f(θ,ω) / f_i(θ_i)] [sum_o x(o|θ) v_i(o,θ,ω) - t_i(θ)] = u_i(θ_i)
 * </pre>
 *
 * the row of {@link InterimIrFamily} with equality. A pinned type of probability 0 has no interim utility and no
 * row. Key {@code {i, θ_i}}; rows in the spec's order (agent, then type).
 */
public final class PinnedUtilityFamily implements ConstraintFamily {
  /** The family's id. */
  public static final String ID = "pinned-utility";

  private final Problem problem;
  private final VariableIndex variables;
  private final Prior prior;
  private final List<PinnedUtility> pinned;

  /** The pinned-utility rows of {@code problem} over {@code variables}. */
  public PinnedUtilityFamily(Problem problem, VariableIndex variables) {
    this.problem = Objects.requireNonNull(problem, "problem");
    this.variables = Objects.requireNonNull(variables, "variables");
    this.prior = problem.prior();
    this.pinned =
        problem.mechanism().pinnedUtilities().stream()
            .filter(u -> !Fractions.isZero(prior.typeProbability(u.agent(), u.type())))
            .toList();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "pinned interim utilities";
  }

  @Override
  public long rowCount() {
    return pinned.size();
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    RowBuilder row = new RowBuilder();
    for (PinnedUtility u : pinned) {
      InterimUtilityTerms.add(row, problem, variables, u.agent(), u.type());
      sink.accept(row.build(this, new int[] {u.agent(), u.type()}, Sense.EQ, u.utility()));
    }
  }

  @Override
  public String rowName(int[] key) {
    return ID + "[" + FamilyText.agent(problem, key[0]) + ":" + FamilyText.type(problem, key[0], key[1]) + "]";
  }

  @Override
  public String describe(int[] key) {
    BigFraction utility = BigFraction.ZERO;
    for (PinnedUtility u : pinned) {
      if (u.agent() == key[0] && u.type() == key[1]) {
        utility = u.utility();
      }
    }
    return "Pinned utility: "
        + FamilyText.agent(problem, key[0])
        + " of type "
        + FamilyText.type(problem, key[0], key[1])
        + " must expect exactly "
        + Fractions.format(utility);
  }

  @Override
  public int agentOf(int[] key) {
    return key[0];
  }
}
