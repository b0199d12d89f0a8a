package org.mechlp.solver.exact;

import java.util.function.Function;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSolver;

/**
 * How an exact solve runs OR-Tools: certification needs a simplex basis, so GLOP unless CLP is asked for, a second
 * GLOP basis as the resolver, and a note when the requested backend was replaced. Shared by {@link ExactSolver} and
 * {@link CalibratedExactSolver} so that both choose alike.
 *
 * @param options the requested options with the simplex backend
 * @param resolver gives a second basis for an LP whose first basis is not exactly optimal
 * @param note why the backend differs from the requested one, or empty
 */
record SimplexSetup(SolveOptions options, Function<LinearProgram, LpResult> resolver, String note) {
  /** The setup for {@code requestedOptions}. */
  static SimplexSetup of(SolveOptions requestedOptions) {
    BackendSettings requested = requestedOptions.solver();
    Backend backend = requested.backend() == Backend.CLP ? Backend.CLP : Backend.GLOP;
    BackendSettings settings = requested.withBackend(backend);
    SolveOptions simplex =
        new SolveOptions(settings, requestedOptions.tolerance(), requestedOptions.maxListedRows(),
            requestedOptions.strategy());
    String note =
        backend == requested.backend()
            ? ""
            : requested.backend().cliName() + " reports no simplex basis; solved with GLOP for --exact";
    return new SimplexSetup(simplex, lp -> OrToolsLpSolver.solveForExactBasis(lp, settings), note);
  }
}
