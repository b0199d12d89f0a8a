package org.mechlp.solver.datadriven;

import org.mechlp.model.DataDrivenProblem;

/**
 * The answer to a data-driven problem: the data-driven LP next to the message-driven one (the same problem with
 * the estimator switched off), so the difference is what the data buys.
 *
 * @param problem the problem
 * @param dataDriven the LP with transfers p_i(t, e)
 * @param messageDriven the LP with transfers p_i(t)
 */
public record DataDrivenReport(DataDrivenProblem problem, DataDrivenRun dataDriven, DataDrivenRun messageDriven) {}
