/**
 * {@code solve --exact}: the solves whose answer is certified in exact arithmetic, standard ({@link
 * org.mechlp.solver.exact.ExactSolver}) and calibrated ({@link org.mechlp.solver.exact.CalibratedExactSolver}). They
 * sit above both the verified floating-point solve ({@code org.mechlp.solver.verify}), which itself falls back to
 * exact certification, and the certification machinery ({@code org.mechlp.solver.certify}).
 */
package org.mechlp.solver.exact;
