/**
 * Side-by-side comparison of solution concepts on one problem ({@code mechlp compare}): the optimum under each
 * incentive and participation constraint, randomized and deterministic, the built-in mechanisms that apply with
 * their violations counted, and for calibrated problems full, no and optimal disclosure. Every row runs through
 * {@link org.mechlp.solver.pipeline.SolvePipeline} (or the mechanism checker), so it is verified like any solve.
 * {@link org.mechlp.solver.compare.Comparisons#compare} builds a {@link org.mechlp.solver.compare.Comparison}.
 */
package org.mechlp.solver.compare;
