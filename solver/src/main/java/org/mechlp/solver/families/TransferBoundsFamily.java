package org.mechlp.solver.families;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.Problem;
import org.mechlp.model.TransferSpec;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Transfer bounds, {@code transfer-bounds}: limits on what each agent pays, from the problem's transfer
 * specification,
 *
 * <pre>
 * for every reported profile θ, every agent i with a bound:  t_i(θ) >= min_i  and/or  t_i(θ) <= max_i
 * </pre>
 *
 * They are rows rather than column bounds so that they get names, descriptions and duals (a binding "the designer
 * never pays" bound is part of the answer); the transfer columns themselves are free. A problem without transfers
 * has no rows here. Key {@code {θ, i, end}} with end 0 for the lower bound and 1 for the upper; rows in order of
 * profile, agent, end.
 */
public final class TransferBoundsFamily implements ConstraintFamily {
  /** The family's id. */
  public static final String ID = "transfer-bounds";

  private static final int LOWER = 0;
  private static final int UPPER = 1;

  private final Problem problem;
  private final VariableIndex variables;
  private final List<TransferSpec.Bound> bounds;
  private final long rowCount;

  /** The transfer bound rows of {@code problem} over {@code variables}. */
  public TransferBoundsFamily(Problem problem, VariableIndex variables) {
    this.problem = Objects.requireNonNull(problem, "problem");
    this.variables = Objects.requireNonNull(variables, "variables");
    this.bounds = problem.mechanism().transfers().bounds();
    long ends = 0;
    if (variables.hasTransfers()) {
      for (TransferSpec.Bound b : bounds) {
        ends += (b.lower() == null ? 0 : 1) + (b.upper() == null ? 0 : 1);
      }
    }
    this.rowCount = ends * variables.profiles().count();
  }

  /** True when some agent's transfer has a finite bound, so that this family has rows. */
  public static boolean applies(Problem problem) {
    TransferSpec spec = problem.mechanism().transfers();
    return spec.allowed() && spec.bounds().stream().anyMatch(b -> b.lower() != null || b.upper() != null);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "bounds on transfers";
  }

  @Override
  public long rowCount() {
    return rowCount;
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    if (!variables.hasTransfers()) {
      return;
    }
    RowBuilder row = new RowBuilder();
    int profileCount = variables.profiles().count();
    for (int p = 0; p < profileCount; p++) {
      for (int i = 0; i < problem.agentCount(); i++) {
        TransferSpec.Bound b = bounds.get(i);
        if (b.lower() != null) {
          row.add(variables.transfer(p, i), BigFraction.ONE);
          sink.accept(row.build(this, new int[] {p, i, LOWER}, Sense.GE, b.lower()));
        }
        if (b.upper() != null) {
          row.add(variables.transfer(p, i), BigFraction.ONE);
          sink.accept(row.build(this, new int[] {p, i, UPPER}, Sense.LE, b.upper()));
        }
      }
    }
  }

  @Override
  public String rowName(int[] key) {
    return ID
        + "["
        + FamilyText.agent(problem, key[1])
        + (key[2] == LOWER ? ":min|" : ":max|")
        + variables.profileName(key[0])
        + "]";
  }

  @Override
  public String describe(int[] key) {
    TransferSpec.Bound b = bounds.get(key[1]);
    return "Transfer bound: "
        + FamilyText.agent(problem, key[1])
        + (key[2] == LOWER
            ? " pays at least " + Fractions.format(b.lower())
            : " pays at most " + Fractions.format(b.upper()))
        + " at "
        + problem.describeProfile(key[0], variables.profiles());
  }

  @Override
  public int agentOf(int[] key) {
    return key[1];
  }
}
