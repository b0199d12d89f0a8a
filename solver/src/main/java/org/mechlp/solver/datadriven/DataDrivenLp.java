package org.mechlp.solver.datadriven;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.BudgetKind;
import org.mechlp.model.Objective;
import org.mechlp.model.ObjectiveTerm;
import org.mechlp.model.TransferSpec;
import org.mechlp.model.datadriven.DataDrivenMechanism;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;

/**
 * The data-driven LP (docs/THEORY.md, Data-driven mechanisms): transfers p_i(t, e) as columns (and the allocation
 * when it is free), the IC family of the problem's equilibrium, its IR and budget families, and its objective.
 *
 * @param lp the program
 * @param layout its columns
 */
public record DataDrivenLp(LinearProgram lp, DataDrivenLayout layout) {

  /**
   * Builds the LP.
   *
   * @throws IllegalArgumentException when the allocation is free and the estimator's law depends on the outcome
   *     (the expected transfer would then be a product of two unknowns)
   */
  public static DataDrivenLp build(DataDrivenData data) {
    BigFraction[][] fixed = data.fixedAllocation();
    if (fixed == null && data.estimator.outcomeDependent()) {
      throw new IllegalArgumentException(
          "mechanism.allocation: the estimator's law depends on the outcome, so with a free allocation the expected"
              + " transfer is a product of two unknowns (not an LP); fix the allocation (\"efficient\" or a table)");
    }
    DataDrivenLayout layout = new DataDrivenLayout(data, fixed);
    List<ConstraintFamily> families = new ArrayList<>();
    if (layout.freeAllocation()) {
      families.add(new LotteryFamily(layout));
    }
    switch (data.ddp.equilibrium()) {
      case POSTERIOR -> families.add(new PosteriorIcFamily(layout));
      case BAYES -> families.add(new BayesIcFamily(layout));
      case EXPOST -> families.add(new StateIcFamily(layout));
      default -> throw new IllegalStateException("unknown equilibrium");
    }
    switch (data.problem.mechanism().ir()) {
      case INTERIM -> families.add(new InterimIrFamily(layout));
      case EX_POST -> families.add(new EstimateIrFamily(layout));
      case EX_ANTE -> families.add(new ExAnteIrFamily(layout));
      case NONE -> { }
      default -> throw new IllegalStateException("unknown IR kind");
    }
    if (data.problem.mechanism().budget() != BudgetKind.NONE) {
      families.add(new BudgetFamily(layout, data.problem.mechanism().budget()));
    }
    List<ColumnBounds> bounds = new ArrayList<>();
    TransferSpec transfers = data.problem.mechanism().transfers();
    for (int c = 0; c < layout.columnCount(); c++) {
      bounds.add(ColumnBounds.NON_NEGATIVE);
    }
    for (int i = 0; i < data.agents; i++) {
      TransferSpec.Bound b = transfers.allowed() ? transfers.bounds().get(i) : new TransferSpec.Bound(
          BigFraction.ZERO, BigFraction.ZERO);
      for (int t = 0; t < data.profileCount; t++) {
        for (int e = 0; e < data.estimates; e++) {
          bounds.set(layout.transfer(i, t, e), new ColumnBounds(b.lower(), b.upper()));
        }
      }
    }
    LinearProgram lp = new LinearProgram(bounds, layout::columnName, objective(data, layout), families);
    return new DataDrivenLp(lp, layout);
  }

  private static LinearObjective objective(DataDrivenData data, DataDrivenLayout layout) {
    Objective objective = data.problem.objective();
    Terms terms = new Terms();
    for (var entry : objective.weights().entrySet()) {
      ObjectiveTerm term = entry.getKey();
      BigFraction weight = entry.getValue();
      for (int t = 0; t < data.profileCount; t++) {
        if (!data.possible(t)) {
          continue;
        }
        BigFraction scale = weight.multiply(data.profileProbability[t]);
        switch (term) {
          case REVENUE -> revenue(data, layout, terms, t, scale);
          case PROFIT -> layout.addBudget(terms, t, scale);
          case WELFARE -> {
            agentValues(data, layout, terms, t, scale);
            layout.addCost(terms, t, scale.negate());
          }
          case AGENT_UTILITY -> {
            agentValues(data, layout, terms, t, scale);
            revenue(data, layout, terms, t, scale.negate());
          }
          case DESIGNER -> layout.addValue(terms, t, data.party, scale);
          case COST -> layout.addCost(terms, t, scale);
          default -> throw new IllegalStateException("unknown objective term " + term);
        }
      }
    }
    BigFraction[] c = new BigFraction[layout.columnCount()];
    for (int j = 0; j < c.length; j++) {
      c[j] = terms.coefficient(j);
    }
    return new LinearObjective(objective.maximize(), c, terms.constant());
  }

  private static void revenue(DataDrivenData data, DataDrivenLayout layout, Terms terms, int t, BigFraction scale) {
    layout.addBudget(terms, t, scale);
    layout.addCost(terms, t, scale);
  }

  private static void agentValues(
      DataDrivenData data, DataDrivenLayout layout, Terms terms, int t, BigFraction scale) {
    for (int i = 0; i < data.agents; i++) {
      layout.addValue(terms, t, data.utility[i][t], scale);
    }
  }

  /** The mechanism at an exact point of this LP. */
  public DataDrivenMechanism decode(BigFraction[] point, boolean exact) {
    DataDrivenData data = layout.data;
    BigFraction[][] allocation = new BigFraction[data.profileCount][data.outcomes];
    BigFraction[][][] transfers = new BigFraction[data.agents][data.profileCount][data.estimates];
    for (int t = 0; t < data.profileCount; t++) {
      for (int x = 0; x < data.outcomes; x++) {
        allocation[t][x] = layout.freeAllocation() ? point[layout.allocation(t, x)] : layout.fixed[t][x];
      }
      for (int i = 0; i < data.agents; i++) {
        for (int e = 0; e < data.estimates; e++) {
          transfers[i][t][e] = point[layout.transfer(i, t, e)];
        }
      }
    }
    return new DataDrivenMechanism(allocation, transfers, exact);
  }
}
