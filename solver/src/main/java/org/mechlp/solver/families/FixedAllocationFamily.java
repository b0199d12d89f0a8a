package org.mechlp.solver.families;

import java.util.Objects;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.FixedAllocation;
import org.mechlp.model.Fractions;
import org.mechlp.model.Problem;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * A fixed allocation rule, {@code fixed-allocation} (docs/THEORY.md, Constraint families, "fixed-allocation rows"):
 * only transfers are sought, the allocation is the given social choice function q,
 *
 * <pre>for every reported profile θ, every outcome o:  x(o|θ) = q(o|θ)</pre>
 *
 * Equalities rather than substitution, so every pinned probability keeps a name and a dual (for instance the
 * marginal revenue of deviating from the efficient rule). Key {@code {θ, o}}; rows in order of profile, outcome.
 */
public final class FixedAllocationFamily implements ConstraintFamily {
  /** The family's id. */
  public static final String ID = "fixed-allocation";

  private final Problem problem;
  private final VariableIndex variables;
  private final FixedAllocation allocation;

  /** The rows pinning the allocation of {@code problem}, which must have a fixed allocation. */
  public FixedAllocationFamily(Problem problem, VariableIndex variables) {
    this.problem = Objects.requireNonNull(problem, "problem");
    this.variables = Objects.requireNonNull(variables, "variables");
    if (!problem.mechanism().hasFixedAllocation()) {
      throw new IllegalArgumentException("problem " + problem.name() + " has no fixed allocation");
    }
    this.allocation = problem.mechanism().fixedAllocation();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "the allocation rule is fixed";
  }

  @Override
  public long rowCount() {
    return (long) variables.profiles().count() * problem.outcomeCount();
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    RowBuilder row = new RowBuilder();
    int profileCount = variables.profiles().count();
    for (int p = 0; p < profileCount; p++) {
      for (int o = 0; o < problem.outcomeCount(); o++) {
        row.add(variables.allocation(p, o), BigFraction.ONE);
        sink.accept(row.build(this, new int[] {p, o}, Sense.EQ, allocation.probability(p, o)));
      }
    }
  }

  @Override
  public String rowName(int[] key) {
    return ID
        + "["
        + variables.profileName(key[0])
        + "|"
        + problem.outcomes().get(key[1]).name()
        + "]";
  }

  @Override
  public String describe(int[] key) {
    return "Fixed allocation: outcome "
        + problem.outcomes().get(key[1]).name()
        + " has probability "
        + Fractions.format(allocation.probability(key[0], key[1]))
        + " at "
        + problem.describeProfile(key[0], variables.profiles());
  }
}
