package org.mechlp.model;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * What a built-in mechanism ({@code mechlp mechanism NAME}) must give on a problem, one entry of its {@code
 * expect.builtins}: {@code mechlp batch} builds it, checks it against the problem's constraints and compares.
 *
 * @param name the built-in's name ({@code vcg}, {@code second-price}, ...)
 * @param reserve the {@code --reserve} it is built with, or null
 * @param price the {@code --price} it is built with, or null
 * @param order the {@code --order} it is built with (empty: the problem's)
 * @param tieBreak the {@code --tie-break} it is built with ({@code split}, {@code first}, {@code last})
 * @param objective the exact value of the problem's objective at the mechanism, or null when not expected
 * @param verdict whether its check must {@code pass} or {@code fail}
 * @param violation the exact largest violation of a failing check, or null when not expected
 * @param source where the expected values come from, or null
 */
public record BuiltinExpectation(
    String name,
    BigFraction reserve,
    BigFraction price,
    List<String> order,
    String tieBreak,
    BigFraction objective,
    String verdict,
    BigFraction violation,
    String source) {
  public BuiltinExpectation {
    Objects.requireNonNull(name, "name");
    order = List.copyOf(order);
    Objects.requireNonNull(tieBreak, "tieBreak");
    Objects.requireNonNull(verdict, "verdict");
  }
}
