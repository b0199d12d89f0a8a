package org.mechlp.solver.datadriven;

import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.BudgetKind;
import org.mechlp.model.Fractions;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Budget balance with data-driven transfers: the transfers collected cover the outcome's cost up to the subsidy B,
 * ex ante (one row) or ex post at every reported profile and estimate (key: profile, estimate); weak (>=) or strong
 * (=).
 */
final class BudgetFamily extends KeyedFamily {
  private final boolean exPost;
  private final boolean strong;

  BudgetFamily(DataDrivenLayout layout, BudgetKind kind) {
    super(layout);
    this.exPost = kind == BudgetKind.EX_POST_WEAK || kind == BudgetKind.EX_POST_STRONG;
    this.strong = kind == BudgetKind.EX_POST_STRONG || kind == BudgetKind.EX_ANTE_STRONG;
    if (exPost) {
      for (int t = 0; t < data.profileCount; t++) {
        for (int e = 0; e < data.estimates; e++) {
          key(t, e);
        }
      }
    } else {
      key(0);
    }
  }

  @Override
  public String id() {
    return exPost ? "budget-expost" : "budget-exante";
  }

  @Override
  public String title() {
    return "budget balance (" + (exPost ? "ex post, every profile and estimate" : "ex ante") + ", "
        + (strong ? "strong" : "weak") + ")";
  }

  @Override
  Row build(int[] key) {
    Terms terms = new Terms();
    if (exPost) {
      for (int i = 0; i < data.agents; i++) {
        terms.add(layout.transfer(i, key[0], key[1]), BigFraction.ONE);
      }
      layout.addCost(terms, key[0], BigFraction.MINUS_ONE);
    } else {
      for (int t = 0; t < data.profileCount; t++) {
        if (data.possible(t)) {
          layout.addBudget(terms, t, data.profileProbability[t]);
        }
      }
    }
    BigFraction rhs = data.problem.mechanism().budgetAmount().negate();
    return terms.row(this, key, strong ? Sense.EQ : Sense.GE, rhs);
  }

  @Override
  public String rowName(int[] key) {
    return exPost
        ? "budget-expost[" + data.describe(key[0]).replace(" ", "") + "|"
            + data.estimator.estimates().get(key[1]).name() + "]"
        : "budget-exante";
  }

  @Override
  public String describe(int[] key) {
    String amount = Fractions.isZero(data.problem.mechanism().budgetAmount())
        ? ""
        : " less the subsidy " + Fractions.format(data.problem.mechanism().budgetAmount());
    return exPost
        ? "Budget (ex post): at " + data.describe(key[0]) + " with estimate "
            + data.estimator.estimates().get(key[1]).name() + " the transfers " + (strong ? "equal" : "cover")
            + " the cost" + amount
        : "Budget (ex ante): expected transfers " + (strong ? "equal" : "cover") + " the expected cost" + amount;
  }
}
