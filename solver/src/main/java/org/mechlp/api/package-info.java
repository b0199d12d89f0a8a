/**
 * The Java API of mechlp: {@link org.mechlp.api.Mechlp} reads, solves and checks problems without the command line;
 * the answers are the records of {@link org.mechlp.solver.pipeline.SolveOutcome} and {@link
 * org.mechlp.solver.report.CheckReport}.
 */
package org.mechlp.api;
