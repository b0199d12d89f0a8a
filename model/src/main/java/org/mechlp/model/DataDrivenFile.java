package org.mechlp.model;

import org.mechlp.model.datadriven.DataDrivenExpectation;


/**
 * A data-driven problem file with its expectations.
 *
 * @param problem the problem
 * @param expectation the status and objective the data-driven LP must reach, or null
 * @param dataDriven the data-driven expectations, or null
 */
public record DataDrivenFile(
    DataDrivenProblem problem, Expectation expectation, DataDrivenExpectation dataDriven) {}
