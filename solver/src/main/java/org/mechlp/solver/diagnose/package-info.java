/**
 * Why a mechanism design problem is infeasible: a minimal set of conflicting constraint families, an irreducible
 * set of conflicting named rows inside them, and the least relaxation of each kind (subsidy, IR shortfall, IC
 * epsilon) that restores feasibility, in the problem's units. Entry point: {@link
 * org.mechlp.solver.diagnose.InfeasibilityDiagnosis}.
 */
package org.mechlp.solver.diagnose;
