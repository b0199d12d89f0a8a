/**
 * Built-in classical mechanisms, constructed directly from a problem's data in exact arithmetic (no LP): VCG with the
 * Clarke pivot, Groves, AGV (expected externality), second-price and (k+1)-th price auctions with a reserve, the best
 * posted price, Myerson's optimal auction from ironed virtual values, serial dictatorship and random priority.
 *
 * <p>{@link org.mechlp.solver.classic.ClassicMechanisms} is the registry: every built-in by name, which of them
 * apply to a problem ({@link org.mechlp.solver.classic.ClassicMechanism#applicability}, empty when it applies,
 * otherwise the reason), and {@link org.mechlp.solver.classic.ClassicMechanism#build}, which returns an exact
 * {@link org.mechlp.model.Mechanism} that {@code check} accepts. The theory and the references are in
 * docs/THEORY.md, Built-in mechanisms.
 */
package org.mechlp.solver.classic;
