/**
 * The one road from a problem to a report: a {@link org.mechlp.solver.pipeline.SolveRequest} goes into {@link
 * org.mechlp.solver.pipeline.SolvePipeline}, which picks a registered {@link org.mechlp.solver.pipeline.SolveMode},
 * refuses an LP too large to build ({@link org.mechlp.solver.StrategyPlanner}) and returns one of the records of
 * {@link org.mechlp.solver.pipeline.SolveOutcome}. {@link org.mechlp.solver.pipeline.SolveMode} says how to add a
 * mode.
 */
package org.mechlp.solver.pipeline;
