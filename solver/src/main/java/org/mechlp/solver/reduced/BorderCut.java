package org.mechlp.solver.reduced;

/**
 * One Border inequality, {@code sum_i sum_{θ in S_i} f_i(θ) Q_i(θ) <= 1 - prod_i (1 - f_i(S_i))}: the item can go to
 * a type in the sets at most as often as some agent's type lies in its set.
 *
 * @param members per agent, whether each type is in S_i
 * @param violation how far the point it was found at exceeded the right-hand side (0 or less when satisfied)
 */
public record BorderCut(boolean[][] members, double violation) {}
