/**
 * Compiles mechlp problems to linear programs, solves them through OR-Tools and verifies every answer
 * independently of the solver.
 */
package org.mechlp.solver;
