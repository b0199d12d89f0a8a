package org.mechlp.solver.report;

/** The size of a compiled LP: rows over all families, columns, and non-zero row coefficients. */
public record LpSize(long rows, int columns, long nonZeros) {}
