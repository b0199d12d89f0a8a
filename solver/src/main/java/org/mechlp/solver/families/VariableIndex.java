package org.mechlp.solver.families;

import java.util.ArrayList;
import java.util.List;
import org.mechlp.model.Agent;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.solver.lp.ColumnBounds;

/**
 * The LP's columns: the allocation probability x(o | reported profile) at column {@code profile * m + o}, then, when
 * transfers are allowed, the transfer t_i(reported profile) paid by agent i at column {@code K * m + profile * n +
 * i}. Allocation columns are non-negative (they sum to 1 by the feasibility rows); transfer columns are free, because
 * the problem's transfer bounds are rows of their own (named, with duals), not column bounds. A robust or Rawlsian
 * objective adds one last free column z, its epigraph variable ({@link EpigraphFamily}).
 */
public final class VariableIndex {
  private final Problem problem;
  private final TypeProfiles profiles;
  private final int profileCount;
  private final int outcomeCount;
  private final int agentCount;
  private final boolean transfers;
  private final boolean epigraph;

  /** The columns of {@code problem}. */
  public VariableIndex(Problem problem) {
    this.problem = problem;
    this.profiles = problem.profiles();
    this.profileCount = profiles.count();
    this.outcomeCount = problem.outcomeCount();
    this.agentCount = problem.agentCount();
    this.transfers = problem.mechanism().transfers().allowed();
    this.epigraph = EpigraphFamily.applies(problem);
    long columns = (long) profileCount * (outcomeCount + (transfers ? agentCount : 0)) + (epigraph ? 1 : 0);
    if (columns > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("more than 2^31 LP columns: " + columns);
    }
  }

  /** The problem these columns belong to. */
  public Problem problem() {
    return problem;
  }

  /** The problem's type profiles. */
  public TypeProfiles profiles() {
    return profiles;
  }

  /** Whether transfer columns exist. */
  public boolean hasTransfers() {
    return transfers;
  }

  /** Total number of columns. */
  public int columnCount() {
    return profileCount * outcomeCount + (transfers ? profileCount * agentCount : 0) + (epigraph ? 1 : 0);
  }

  /** Whether the objective is an epigraph variable z (robust or Rawlsian objectives). */
  public boolean hasEpigraph() {
    return epigraph;
  }

  /** The column of the epigraph variable z; only when {@link #hasEpigraph()}. */
  public int epigraph() {
    if (!epigraph) {
      throw new IllegalStateException("this problem's objective has no epigraph variable");
    }
    return columnCount() - 1;
  }

  /** The column of x(outcome | reported profile). */
  public int allocation(int profile, int outcome) {
    return profile * outcomeCount + outcome;
  }

  /** The column of t_agent(reported profile); only when {@link #hasTransfers()}. */
  public int transfer(int profile, int agent) {
    if (!transfers) {
      throw new IllegalStateException("this problem has no transfers");
    }
    return profileCount * outcomeCount + profile * agentCount + agent;
  }

  /** The bounds of every column, in column order: allocations non-negative, transfers free. */
  public List<ColumnBounds> bounds() {
    List<ColumnBounds> bounds = new ArrayList<>(columnCount());
    for (int c = 0; c < profileCount * outcomeCount; c++) {
      bounds.add(ColumnBounds.NON_NEGATIVE);
    }
    if (transfers) {
      for (int c = 0; c < profileCount * agentCount; c++) {
        bounds.add(ColumnBounds.FREE);
      }
    }
    if (epigraph) {
      bounds.add(ColumnBounds.FREE);
    }
    return bounds;
  }

  /**
   * The readable name of a column, for example {@code x[bidder1=high,bidder2=low|bidder1]} or {@code
   * t[...|bidder2]}.
   */
  public String columnName(int column) {
    int allocationColumns = profileCount * outcomeCount;
    if (column < allocationColumns) {
      int profile = column / outcomeCount;
      int outcome = column % outcomeCount;
      return "x[" + profileName(profile) + "|" + problem.outcomes().get(outcome).name() + "]";
    }
    if (epigraph && column == epigraph()) {
      return EpigraphFamily.columnName(problem);
    }
    int rest = column - allocationColumns;
    int profile = rest / agentCount;
    int agent = rest % agentCount;
    return "t[" + profileName(profile) + "|" + problem.agents().get(agent).name() + "]";
  }

  /** A compact profile name, for example {@code bidder1=high,bidder2=low}. */
  public String profileName(int profile) {
    StringBuilder sb = new StringBuilder();
    List<Agent> agents = problem.agents();
    for (int i = 0; i < agents.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(agents.get(i).name())
          .append('=')
          .append(agents.get(i).types().get(profiles.typeOf(profile, i)).name());
    }
    return sb.toString();
  }
}
