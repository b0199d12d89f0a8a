package org.mechlp.solver.compare;

/**
 * A named difference between two rows of a {@link Comparison}.
 *
 * @param id a stable key: {@code price-of-dsic}, {@code value-of-randomization}, {@code vcg-revenue-loss}, ...
 * @param name the gap in words, for example {@code price of DSIC over BIC}
 * @param measure what is compared: {@code objective} (in the problem's sense: how much better the first row is) or
 *     {@code revenue}
 * @param better the row id of the better (less constrained) side
 * @param worse the row id of the other side
 * @param value how much the first row is better than the second
 */
public record Gap(String id, String name, String measure, String better, String worse, Quantity value) {}
