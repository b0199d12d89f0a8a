package org.mechlp.solver.classic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;

/**
 * Myerson's optimal auction (Myerson 1981), built from ironed discrete virtual values without an LP: the units go to
 * the highest non-negative ironed virtual values (ties: shared), and each winner pays its threshold in the discrete
 * form t_i(v_j) = v_j q_i(v_j) − Σ_{l<j} (v_{l+1} − v_l) q_i(v_l), over the agent's values in increasing order with
 * the others' reports fixed (downward adjacent IC and the lowest type's IR bind). Dominant-strategy IC and ex post
 * IR; with independent private values it maximizes expected revenue over all BIC and interim IR mechanisms.
 */
final class Myerson extends SettingMechanism {
  @Override
  public String name() {
    return "myerson";
  }

  @Override
  public String summary() {
    return "Myerson's optimal auction from ironed virtual values (independent private values, no LP)";
  }

  @Override
  boolean needsTransfers() {
    return true;
  }

  @Override
  Optional<String> reason(Setting s, ClassicOptions options) {
    String structure = UnitDemand.detect(s).reason();
    if (structure != null) {
      return Optional.of(structure);
    }
    Optional<String> independence = s.independenceReason();
    if (independence.isPresent()) {
      return Optional.of(independence.get() + "; Myerson's auction needs independent types");
    }
    for (int i = 0; i < s.n; i++) {
      for (int t = 0; t < s.value[i].length; t++) {
        BigFraction outside = s.problem.mechanism().outsideOption(i, t);
        if (!Fractions.isZero(outside)) {
          return Optional.of("the outside option of " + s.problem.agents().get(i).name() + " is "
              + Fractions.format(outside) + ", not 0 (mechanism.ir.outsideOption)");
        }
      }
    }
    return Optional.empty();
  }

  @Override
  BuiltMechanism build(Setting s, ClassicOptions options) {
    UnitDemand auction = UnitDemand.detect(s).structure();
    Ironing[] ironing = new Ironing[s.n];
    List<List<BigFraction>> levels = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < s.n; i++) {
      BigFraction[] f = new BigFraction[auction.bid[i].length];
      for (int t = 0; t < f.length; t++) {
        f[t] = s.typeProbability(i, t);
      }
      ironing[i] = new Ironing(auction.bid[i], f);
      levels.add(new ArrayList<>(new TreeSet<>(List.of(auction.bid[i]))));
      notes.add(s.problem.agents().get(i).name() + ": " + ironing[i].describe());
    }
    Table table = s.table();
    for (int p = 0; p < s.profileCount; p++) {
      BigFraction[] scores = scores(s, auction, ironing, p);
      UnitAllocation.Result result = UnitAllocation.allocate(auction, s.m, scores, options.tieBreak());
      table.lottery(p, result.lottery());
      for (int i = 0; i < s.n; i++) {
        table.transfer(p, i, threshold(s, auction, ironing, levels.get(i), p, i, options.tieBreak()));
      }
    }
    return new BuiltMechanism(
        name(),
        "Myerson's optimal auction of " + auction.describe() + ": the highest non-negative ironed virtual values win"
            + " (ties: " + options.tieBreak().json() + "), each winner pays its discrete threshold",
        table.mechanism(),
        notes);
  }

  /** Every agent's ironed virtual value at profile p; null where it is negative or the type never wins. */
  private static BigFraction[] scores(Setting s, UnitDemand auction, Ironing[] ironing, int p) {
    BigFraction[] scores = new BigFraction[s.n];
    for (int i = 0; i < s.n; i++) {
      scores[i] = eligible(ironing[i].score(auction.bid[i][s.type(p, i)]));
    }
    return scores;
  }

  private static BigFraction eligible(BigFraction score) {
    return score == null || score.getNumerator().signum() < 0 ? null : score;
  }

  /**
   * Agent i's payment at profile p: v_j q(v_j) − Σ_{l<j} (v_{l+1} − v_l) q(v_l) over its distinct values v_1 <
   * ... < v_j = its value, q(v) its probability of a unit had it reported a type of value v.
   */
  private static BigFraction threshold(
      Setting s,
      UnitDemand auction,
      Ironing[] ironing,
      List<BigFraction> values,
      int p,
      int i,
      ClassicOptions.TieBreak tieBreak) {
    BigFraction own = auction.bid[i][s.type(p, i)];
    BigFraction[] scores = scores(s, auction, ironing, p);
    BigFraction rent = BigFraction.ZERO;
    BigFraction q = BigFraction.ZERO;
    for (int l = 0; l < values.size(); l++) {
      BigFraction v = values.get(l);
      scores[i] = eligible(ironing[i].score(v));
      q = UnitAllocation.allocate(auction, s.m, scores, tieBreak).winProbability()[i];
      if (v.equals(own)) {
        return own.multiply(q).subtract(rent);
      }
      rent = rent.add(values.get(l + 1).subtract(v).multiply(q));
    }
    throw new IllegalStateException("the own value is among the agent's values");
  }
}
