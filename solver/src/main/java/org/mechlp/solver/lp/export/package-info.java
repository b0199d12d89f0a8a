/**
 * Writers of a {@link org.mechlp.solver.lp.LinearProgram} in the CPLEX LP and free MPS formats, for cross-checking
 * an LP in another solver. Every number is written exactly when it is a terminating decimal and with 17 significant
 * digits otherwise, so that the file describes the same LP mechlp solves (OR-Tools' own exporter rounds to 6).
 */
package org.mechlp.solver.lp.export;
