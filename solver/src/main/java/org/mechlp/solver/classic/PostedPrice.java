package org.mechlp.solver.classic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.solver.compile.ObjectiveBuilder;
import org.mechlp.solver.families.VariableIndex;
import org.mechlp.solver.lp.LinearObjective;

/**
 * A posted price p. In an auction of k identical units the agents, in order (the problem's, or {@code --order}), buy
 * a unit at p while units are left if their value is at least p; in bilateral trade the agents trade at p when the
 * buyer's value is at least p and the seller's cost at most p. Dominant-strategy IC and ex post IR, and ex post
 * budget balanced in trade. Without {@code --price}, the price is the best for the problem's objective (revenue when
 * it has none) among every value and cost and the midpoints between consecutive ones, which covers every set of
 * trades a price can produce; ties go to the lowest price.
 */
final class PostedPrice extends SettingMechanism {
  @Override
  public String name() {
    return "posted-price";
  }

  @Override
  public String summary() {
    return "the best single posted price (auctions of identical units, bilateral trade)";
  }

  @Override
  boolean needsTransfers() {
    return true;
  }

  @Override
  Optional<String> reason(Setting s, ClassicOptions options) {
    String units = UnitDemand.detect(s).reason();
    String trade = BilateralTrade.detect(s).reason();
    if (units != null && trade != null) {
      return Optional.of(units + "; and " + trade);
    }
    Optional<String> order = SerialDictatorship.orderReason(s, options.order());
    if (order.isPresent()) {
      return order;
    }
    if (units == null && options.price() != null && options.price().getNumerator().signum() < 0) {
      return Optional.of("the price " + Fractions.format(options.price()) + " is negative");
    }
    return Optional.empty();
  }

  @Override
  BuiltMechanism build(Setting s, ClassicOptions options) {
    UnitDemand auction = UnitDemand.detect(s).structure();
    BilateralTrade trade = auction == null ? BilateralTrade.detect(s).structure() : null;
    int[] order = SerialDictatorship.order(s, options.order());
    List<BigFraction> candidates = new ArrayList<>();
    if (options.price() != null) {
      candidates.add(options.price());
    } else {
      TreeSet<BigFraction> points = new TreeSet<>();
      for (int i = 0; i < s.n; i++) {
        for (BigFraction[] byOutcome : s.value[i]) {
          for (BigFraction v : byOutcome) {
            points.add(v.abs());
          }
        }
      }
      BigFraction previous = null;
      for (BigFraction point : points) {
        if (previous != null) {
          candidates.add(previous.add(point).divide(2));
        }
        candidates.add(point);
        previous = point;
      }
    }
    Objective objective = new Objective(s);
    BigFraction bestPrice = null;
    BigFraction bestValue = null;
    Table best = null;
    for (BigFraction price : candidates) {
      Table table = auction != null ? sell(s, auction, order, price) : trade(s, trade, price);
      BigFraction value = objective.value(table);
      if (bestValue == null || objective.better(value, bestValue)) {
        bestValue = value;
        bestPrice = price;
        best = table;
      }
    }
    String what = auction != null
        ? "posted price " + Fractions.format(bestPrice) + " for " + auction.describe() + ": the agents in order buy"
            + " a unit while units are left if their value is at least the price"
        : "posted price " + Fractions.format(bestPrice) + ": trade when the buyer's value is at least the price and"
            + " the seller's cost at most the price; the buyer pays it, the seller receives it";
    List<String> notes = new ArrayList<>();
    if (options.price() == null) {
      notes.add("best of " + candidates.size() + " candidate prices for " + objective.describe() + ": "
          + Fractions.format(bestValue));
    }
    return new BuiltMechanism(name(), what, best.mechanism(), notes);
  }

  private static Table sell(Setting s, UnitDemand auction, int[] order, BigFraction price) {
    Table table = s.table();
    for (int p = 0; p < s.profileCount; p++) {
      int winners = 0;
      int left = auction.units;
      for (int i : order) {
        if (left > 0 && auction.bid[i][s.type(p, i)].compareTo(price) >= 0) {
          winners |= 1 << i;
          left--;
          table.transfer(p, i, price);
        }
      }
      table.lottery(p, Lotteries.sure(s.m, auction.outcome(winners)));
    }
    return table;
  }

  private static Table trade(Setting s, BilateralTrade trade, BigFraction price) {
    Table table = s.table();
    for (int p = 0; p < s.profileCount; p++) {
      BigFraction value = s.value(trade.buyer, p, trade.trade);
      BigFraction cost = s.value(trade.seller, p, trade.trade).negate();
      boolean trades = value.compareTo(price) >= 0 && cost.compareTo(price) <= 0;
      table.lottery(p, Lotteries.sure(s.m, trades ? trade.trade : trade.noTrade));
      if (trades) {
        table.transfer(p, trade.buyer, price);
        table.transfer(p, trade.seller, price.negate());
      }
    }
    return table;
  }

  /** The problem's objective evaluated exactly at a mechanism (expected revenue for a feasibility problem). */
  private static final class Objective {
    private final Setting s;
    private final VariableIndex vars;
    private final LinearObjective objective;

    Objective(Setting s) {
      this.s = s;
      this.vars = new VariableIndex(s.problem);
      this.objective = s.problem.objective().isFeasibility() ? null : ObjectiveBuilder.build(s.problem, vars);
    }

    BigFraction value(Table table) {
      if (objective == null) {
        BigFraction revenue = BigFraction.ZERO;
        for (int p = 0; p < s.profileCount; p++) {
          BigFraction paid = BigFraction.ZERO;
          for (int i = 0; i < s.n; i++) {
            paid = paid.add(table.transfer(p, i));
          }
          revenue = revenue.add(paid.multiply(s.problem.prior().profileProbability(p)));
        }
        return revenue;
      }
      BigFraction[] x = Lotteries.zeros(objective.coefficients().length);
      for (int p = 0; p < s.profileCount; p++) {
        BigFraction[] lottery = table.lottery(p);
        for (int o = 0; o < s.m; o++) {
          x[vars.allocation(p, o)] = lottery[o];
        }
        for (int i = 0; i < s.n; i++) {
          x[vars.transfer(p, i)] = table.transfer(p, i);
        }
      }
      return objective.value(x);
    }

    boolean better(BigFraction value, BigFraction incumbent) {
      int c = value.compareTo(incumbent);
      return objective == null || objective.maximize() ? c > 0 : c < 0;
    }

    String describe() {
      return objective == null ? "revenue" : "the problem's objective";
    }
  }
}
