package org.mechlp.solver.reduced;

import org.mechlp.model.Problem;
import org.mechlp.solver.report.LpSize;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.report.Verification;

/**
 * The outcome of a reduced-form solve: the interim rule and how it was found and checked.
 *
 * @param problem the problem
 * @param form its single-item structure
 * @param status OPTIMAL only when the last LP was verified, no Border threshold set is violated beyond the tolerance
 *     and the independent BIC and IR recomputation passed
 * @param objective the optimal value of the reduced LP (recomputed from its point), or null without a point
 * @param interimAllocation Q_i(θ_i), the interim probability of getting the item, [agent][type] (null without a
 *     point)
 * @param interimPayment P_i(θ_i), the interim expected payment, [agent][type] (null without a point)
 * @param rounds LP solves
 * @param borderCuts Border inequalities added in all
 * @param borderMaxViolation the largest Border violation over all threshold sets at the final Q, in doubles (the
 *     threshold sets suffice: see {@link BorderSeparation})
 * @param bicMaxRegret the largest interim gain from a misreport, recomputed from Q and P without the LP rows
 * @param irMaxShortfall the largest interim IR shortfall, recomputed likewise (0 without interim IR)
 * @param size the final reduced LP's size
 * @param verification the verifier's account of the final reduced LP, or null without a point
 * @param solverName the backend
 * @param buildNanos time to build the LPs, summed over rounds
 * @param solveNanos time in the backend, summed over rounds
 * @param checkNanos time spent verifying and separating, summed over rounds
 * @param message a note on the status, or empty
 */
public record ReducedFormReport(
    Problem problem,
    ReducedForm form,
    SolveStatus status,
    Double objective,
    double[][] interimAllocation,
    double[][] interimPayment,
    int rounds,
    int borderCuts,
    double borderMaxViolation,
    double bicMaxRegret,
    double irMaxShortfall,
    LpSize size,
    Verification verification,
    String solverName,
    long buildNanos,
    long solveNanos,
    long checkNanos,
    String message) {}
