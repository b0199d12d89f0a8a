/**
 * Certificate files: optimality, infeasibility and calibrated certificates written as JSON with exact fractions and
 * row names, and read back for an independent re-check. Kept apart from the exact engine, which never touches files.
 */
package org.mechlp.solver.certify.io;
