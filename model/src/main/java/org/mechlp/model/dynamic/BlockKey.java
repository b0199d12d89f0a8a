package org.mechlp.model.dynamic;

/**
 * One contingent-transfer block: agent i's payments in period t + 1 after action a in period t, when the others'
 * period-t signals are {@code others}.
 *
 * @param agent i
 * @param period t (1-based; 1 for the stationary block of an infinite horizon)
 * @param action a in A_t
 * @param others the index of theta^-i_t
 */
public record BlockKey(int agent, int period, int action, int others) {}
