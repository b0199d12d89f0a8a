package org.mechlp.model;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * How counted priors are widened into a set of priors for a robust objective: every law within L1 distance r_i of
 * agent i's empirical law (docs/THEORY.md, Robust and Rawlsian objectives). The LP uses the vertices of these balls
 * (intersected with the simplex), which is exact: every objective and every interim condition is linear in each
 * agent's law, so its worst case over the ball is attained at a vertex.
 *
 * @param confidence the level 1 - α the radii were derived from (Weissman et al.'s L1 deviation bound, α split
 *     evenly over the counted agents), or null when the file gave the radius itself
 * @param radii each agent's radius, exact, or null for an agent whose prior was not given as counts
 */
public record CredibleRegion(BigFraction confidence, List<BigFraction> radii) {
  public CredibleRegion {
    List<BigFraction> copy = new ArrayList<>(radii);
    radii = java.util.Collections.unmodifiableList(copy);
  }
}
