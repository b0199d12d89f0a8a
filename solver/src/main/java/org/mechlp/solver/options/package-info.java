/**
 * The options of the solver's operations, in one leaf package that every other package may read: {@link
 * org.mechlp.solver.options.SolveOptions} (backend, tolerance, strategy), {@link
 * org.mechlp.solver.options.CheckOptions} (tolerance and listing of a check) and {@link
 * org.mechlp.solver.options.DiagnoseOptions} (limits of an infeasibility diagnosis). The backend's own settings are
 * {@link org.mechlp.solver.lp.BackendSettings}, beside the backend interface they configure.
 */
package org.mechlp.solver.options;
