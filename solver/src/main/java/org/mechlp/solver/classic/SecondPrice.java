package org.mechlp.solver.classic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;

/**
 * The second-price auction (Vickrey 1961) with an optional reserve r, and its generalization to k identical units
 * with unit demand: the k highest bids at or above r win, and every winner pays the larger of r and the (k+1)-th
 * highest bid at or above r. Bidders tied at the cut share the remaining units. Dominant-strategy IC and ex post IR;
 * without a reserve it is VCG.
 */
final class SecondPrice extends SettingMechanism {
  @Override
  public String name() {
    return "second-price";
  }

  @Override
  public String summary() {
    return "second-price auction ((k+1)-th price for k identical units) with an optional reserve";
  }

  @Override
  boolean needsTransfers() {
    return true;
  }

  @Override
  Optional<String> reason(Setting s, ClassicOptions options) {
    if (options.reserve() != null && options.reserve().getNumerator().signum() < 0) {
      return Optional.of("the reserve " + Fractions.format(options.reserve()) + " is negative");
    }
    return Optional.ofNullable(UnitDemand.detect(s).reason());
  }

  @Override
  BuiltMechanism build(Setting s, ClassicOptions options) {
    UnitDemand auction = UnitDemand.detect(s).structure();
    BigFraction reserve = options.reserve() == null ? BigFraction.ZERO : options.reserve();
    Table table = s.table();
    for (int p = 0; p < s.profileCount; p++) {
      BigFraction[] bids = new BigFraction[s.n];
      List<BigFraction> eligible = new ArrayList<>();
      for (int i = 0; i < s.n; i++) {
        BigFraction b = auction.bid[i][s.type(p, i)];
        if (b.compareTo(reserve) >= 0) {
          bids[i] = b;
          eligible.add(b);
        }
      }
      eligible.sort((a, b) -> b.compareTo(a));
      BigFraction price =
          eligible.size() > auction.units && eligible.get(auction.units).compareTo(reserve) > 0
              ? eligible.get(auction.units)
              : reserve;
      UnitAllocation.Result result = UnitAllocation.allocate(auction, s.m, bids, options.tieBreak());
      table.lottery(p, result.lottery());
      for (int i = 0; i < s.n; i++) {
        table.transfer(p, i, result.winProbability()[i].multiply(price));
      }
    }
    String format =
        auction.units == 1
            ? "second-price auction"
            : "uniform-price auction of " + auction.describe() + " (the " + ordinal(auction.units + 1) + " price)";
    String rule =
        options.reserve() == null
            ? ": the highest bids win (ties: " + options.tieBreak().json() + "), each winner pays the "
                + ordinal(auction.units + 1) + " highest bid"
            : " with reserve " + Fractions.format(options.reserve()) + ": the highest bids at or above the reserve"
                + " win (ties: " + options.tieBreak().json() + "), each winner pays the larger of the reserve and"
                + " the " + ordinal(auction.units + 1) + " highest bid";
    return new BuiltMechanism(
        name(),
        format + rule,
        table.mechanism(),
        List.of());
  }

  /** 2nd, 3rd, 4th, ... */
  static String ordinal(int k) {
    String suffix = k % 100 >= 11 && k % 100 <= 13 ? "th" : switch (k % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
    return k + suffix;
  }
}
