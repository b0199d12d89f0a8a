/**
 * Exact certification of LP optima: the floating-point basis a simplex backend found is recomputed in rational
 * arithmetic ({@link org.mechlp.solver.certify.ExactBasis}, a sparse exact LU), the resulting primal and dual
 * solutions are checked exactly by {@link org.mechlp.solver.certify.CertificateChecker}, which does not depend on
 * how they were found, and the certificate can be written to a file ({@code certify.io}) and checked again without any LP solver.
 * Infeasibility is proven the same way: {@link org.mechlp.solver.certify.InfeasibilityProver} certifies the elastic
 * LP's optimum and turns its exact duals into Farkas multipliers, which {@link
 * org.mechlp.solver.certify.FarkasChecker} checks with no basis and no solver.
 */
package org.mechlp.solver.certify;
