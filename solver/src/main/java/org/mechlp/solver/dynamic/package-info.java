/**
 * Efficient dynamic mechanisms with contingent transfers (docs/THEORY.md, Dynamic mechanisms in detail): the
 * efficient policy
 * by backward induction (or an exact stationary solve), one small independent LP per contingent-transfer block, the
 * assumptions A2 to A4 as computations, and the one-shot-deviation check of periodic ex post IC.
 */
package org.mechlp.solver.dynamic;
