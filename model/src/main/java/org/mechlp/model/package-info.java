/**
 * The mechlp problem model: immutable, indexed descriptions of finite quasilinear mechanism design problems, with
 * every number kept as an exact fraction ({@link org.apache.commons.math3.fraction.BigFraction}).
 *
 * <p>Vocabulary (used everywhere in mechlp): an <em>agent</em> has a finite set of <em>types</em>; a <em>type
 * profile</em> lists one type per agent; a <em>state</em> is payoff-relevant and unknown to the agents; an
 * <em>outcome</em> is one of the finitely many alternatives; the <em>prior</em> is a joint distribution over (type
 * profile, state); a <em>transfer</em> t_i is a payment from agent i to the designer.
 */
package org.mechlp.model;
