package org.mechlp.solver.families;

import java.util.Objects;
import java.util.function.Consumer;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;

/**
 * A family whose rows depend on the prior (BIC, interim IR, ex ante IR, ex ante budget, pinned utilities), built for
 * one member of a set of priors: with several priors every such condition must hold under each of them
 * (docs/THEORY.md, Robust and Rawlsian objectives). Ids, row names and descriptions carry the prior's name, so rows of
 * different priors never share a name.
 */
final class PriorScopedFamily implements ConstraintFamily {
  private final ConstraintFamily family;
  private final String prior;

  /** {@code family}, built for the problem under the prior named {@code prior}. */
  PriorScopedFamily(ConstraintFamily family, String prior) {
    this.family = Objects.requireNonNull(family, "family");
    this.prior = Objects.requireNonNull(prior, "prior");
  }

  @Override
  public String id() {
    return family.id() + "@" + prior;
  }

  @Override
  public String title() {
    return family.title() + " under prior " + prior;
  }

  @Override
  public long rowCount() {
    return family.rowCount();
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    // Rebuilt with this family as their owner, so that their names carry the prior.
    family.forEachRow(
        row -> sink.accept(new Row(this, row.key(), row.columns(), row.coefficients(), row.sense(), row.rhs())));
  }

  @Override
  public String rowName(int[] key) {
    return prior + ":" + family.rowName(key);
  }

  @Override
  public String describe(int[] key) {
    return family.describe(key) + " (under prior " + prior + ")";
  }

  @Override
  public int agentOf(int[] key) {
    return family.agentOf(key);
  }

  @Override
  public boolean isIncentiveConstraint() {
    return family.isIncentiveConstraint();
  }

  @Override
  public void misreportKeys(int agent, int type, int misreport, Consumer<int[]> sink) {
    family.misreportKeys(agent, type, misreport, sink);
  }
}
