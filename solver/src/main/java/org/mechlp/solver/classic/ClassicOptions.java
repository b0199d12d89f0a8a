package org.mechlp.solver.classic;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The options a built-in mechanism may read; each mechanism ignores those it does not use. {@link #defaults()} is
 * what {@code mechlp mechanism NAME} uses without options.
 *
 * @param reserve the reserve price of {@code second-price} (null: none)
 * @param price the price of {@code posted-price} (null: the best single price is computed)
 * @param order the agents' order for {@code serial-dictatorship} and the buyers' order of {@code posted-price} (empty:
 *     the problem's agent order)
 * @param grovesH the h_i(θ_-i) of {@code groves}, indexed [agent][type profile] (equal across profiles that differ in
 *     agent i's type only, as {@code org.mechlp.model.json.VcgHJson} reads it), or null for h = 0
 * @param tieBreak how the efficient rule and the auctions break ties between outcomes
 */
public record ClassicOptions(
    BigFraction reserve,
    BigFraction price,
    List<String> order,
    BigFraction[][] grovesH,
    TieBreak tieBreak) {
  /** How ties between equally good outcomes (or bidders) are broken. */
  public enum TieBreak {
    /** Uniformly at random among the tied ones (the lottery is part of the mechanism). */
    SPLIT("split"),
    /** The first tied outcome (bidder) in the problem's order. */
    FIRST("first"),
    /** The last tied outcome (bidder) in the problem's order. */
    LAST("last");

    private final String json;

    TieBreak(String json) {
      this.json = json;
    }

    /** The name used on the command line. */
    public String json() {
      return json;
    }

    /** The {@code count} elements kept of a tied list, in order: all of them to split, or the first or last. */
    <T> java.util.List<T> kept(java.util.List<T> tied, int count) {
      return switch (this) {
        case SPLIT -> tied;
        case FIRST -> tied.subList(0, count);
        case LAST -> tied.subList(tied.size() - count, tied.size());
      };
    }

    /** The tie-break named {@code name}, or null. */
    public static TieBreak fromJson(String name) {
      for (TieBreak t : values()) {
        if (t.json.equals(name)) {
          return t;
        }
      }
      return null;
    }
  }

  public ClassicOptions {
    order = List.copyOf(order);
    grovesH = grovesH == null ? null : java.util.Arrays.stream(grovesH).map(BigFraction[]::clone)
        .toArray(BigFraction[][]::new);
    Objects.requireNonNull(tieBreak, "tieBreak");
  }

  /** Groves' h, a copy (null for h = 0). */
  @Override
  public BigFraction[][] grovesH() {
    return grovesH == null ? null : java.util.Arrays.stream(grovesH).map(BigFraction[]::clone)
        .toArray(BigFraction[][]::new);
  }

  /** No reserve, the computed best price, the problem's agent order, h = 0, ties split. */
  public static ClassicOptions defaults() {
    return new ClassicOptions(null, null, List.of(), null, TieBreak.SPLIT);
  }

  /** These options with reserve price {@code r}. */
  public ClassicOptions withReserve(BigFraction r) {
    return new ClassicOptions(r, price, order, grovesH, tieBreak);
  }

  /** These options with the posted price {@code p}. */
  public ClassicOptions withPrice(BigFraction p) {
    return new ClassicOptions(reserve, p, order, grovesH, tieBreak);
  }

  /** These options with the agents' order {@code agentNames}. */
  public ClassicOptions withOrder(List<String> agentNames) {
    return new ClassicOptions(reserve, price, agentNames, grovesH, tieBreak);
  }

  /** These options with Groves' h (see the record's description). */
  public ClassicOptions withGrovesH(BigFraction[][] h) {
    return new ClassicOptions(reserve, price, order, h, tieBreak);
  }

  /** These options with the tie-break {@code t}. */
  public ClassicOptions withTieBreak(TieBreak t) {
    return new ClassicOptions(reserve, price, order, grovesH, t);
  }
}
