/**
 * Multi-period problems with Markov signals (docs/THEORY.md, Dynamic mechanisms in detail): per-period signal
 * spaces, actions,
 * flow utilities and transitions, read from a problem file with a {@code periods} block, and dynamic mechanisms
 * (period allocations, static and contingent transfers) read for {@code check}.
 */
package org.mechlp.model.dynamic;
