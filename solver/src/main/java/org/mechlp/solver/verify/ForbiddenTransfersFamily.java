package org.mechlp.solver.verify;

import java.util.Objects;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Problem;
import org.mechlp.solver.families.VariableIndex;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Checking only, {@code no-transfers}: when a problem allows no transfers, a proposed mechanism must not charge
 * anything,
 *
 * <pre>
 * for every reported profile θ, every agent i:  t_i(θ) = 0
 * </pre>
 *
 * The problem's LP has no transfer columns, so these rows refer to extra columns appended after the LP's own, at
 * {@code firstColumn + θ * n + i} (free, with objective coefficient 0). Without this family a checker would silently
 * ignore the payments of a mechanism file written for a problem without transfers.
 *
 * <p>Key {@code {θ, i}}; rows in order of profile, then agent.
 */
public final class ForbiddenTransfersFamily implements ConstraintFamily {
  /** The family's id. */
  public static final String ID = "no-transfers";

  private final Problem problem;
  private final VariableIndex variables;
  private final int firstColumn;

  /** The rows for {@code problem}, whose transfer columns start at {@code firstColumn}. */
  public ForbiddenTransfersFamily(Problem problem, VariableIndex variables, int firstColumn) {
    this.problem = Objects.requireNonNull(problem, "problem");
    this.variables = Objects.requireNonNull(variables, "variables");
    this.firstColumn = firstColumn;
  }

  /** The column of agent {@code agent}'s transfer at {@code profile}. */
  public int column(int profile, int agent) {
    return firstColumn + profile * problem.agentCount() + agent;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "no transfers (the problem allows none)";
  }

  @Override
  public long rowCount() {
    return (long) variables.profiles().count() * problem.agentCount();
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    BigFraction[] one = {BigFraction.ONE};
    for (int p = 0; p < variables.profiles().count(); p++) {
      for (int i = 0; i < problem.agentCount(); i++) {
        sink.accept(
            new Row(this, new int[] {p, i}, new int[] {column(p, i)}, one, Sense.EQ, BigFraction.ZERO));
      }
    }
  }

  @Override
  public String rowName(int[] key) {
    return ID + "[" + problem.agents().get(key[1]).name() + "|" + variables.profileName(key[0]) + "]";
  }

  @Override
  public String describe(int[] key) {
    return "No transfers: the problem allows none, so "
        + problem.agents().get(key[1]).name()
        + " must pay 0 at "
        + problem.describeProfile(key[0], variables.profiles());
  }

  @Override
  public int agentOf(int[] key) {
    return key[1];
  }
}
