package org.mechlp.solver.calibrated;

/**
 * One signal of a calibrated (two-stage) mechanism: the posterior it induces, how likely it is, and the
 * state-independent rule applied after it.
 *
 * @param signal the signal's name ({@code s1}, {@code s2}, ... or the fixed structure's own names)
 * @param probability the probability of the signal
 * @param posterior the agent's belief over states given the signal (before learning its type), one entry per state
 * @param allocation the rule's lottery per reported type, indexed [type][outcome]; with several agents (public
 *     signal, docs/THEORY.md, Several agents: a public signal) per reported type profile, indexed [profile][outcome]
 * @param transfers the rule's payment per reported type (zeros without transfers); with several agents indexed
 *     {@code profile * agents + agent}
 */
public record SignalRule(
    String signal, double probability, double[] posterior, double[][] allocation, double[] transfers) {}
