package org.mechlp.model;

/**
 * One type of one agent, by index.
 *
 * @param agent the agent's index
 * @param type the type's index within the agent's types
 */
public record TypeRef(int agent, int type) {}
