package org.mechlp.solver.ortools;

/**
 * The iteration caps mechlp gives the backends that take one, so that a method that stalls or never converges ends
 * well before the time limit. Simplex needs a small multiple of the rows plus columns on mechanism LPs (GLOP took
 * 48,090 iterations on a 90,000-row lazy IC model), so its cap grows with the model; PDLP's iteration count does not
 * grow with the size (about 7,000 at 54,900 rows with mechlp's 1e-9 tolerances), so its cap is fixed. CLP (through
 * OR-Tools' MPSolver), SCIP and CP-SAT take no iteration cap here: the time limit bounds them.
 */
final class IterationCaps {
  /** PDLP iterations: far above what a converging solve needs, a few seconds on a small model that never converges. */
  static final long PDLP = 500_000;

  /** HiGHS interior-point iterations (HiGHS's own default is effectively unlimited). */
  static final long HIGHS_IPM = 10_000;

  private IterationCaps() {}

  /** Simplex iterations for a model of {@code rows} rows and {@code columns} columns. */
  static long simplex(long rows, long columns) {
    return 100_000 + 20 * (rows + columns);
  }

  /** Whether a backend's {@code iterations} show it stopped at {@code cap} rather than at the time limit. */
  static boolean reached(long iterations, long cap) {
    return iterations >= cap;
  }
}
