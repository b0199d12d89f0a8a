package org.mechlp.model;

import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * A type whose interim expected utility under truthful reports is fixed: with discrete types the allocation and the
 * lowest types' utilities pin payments down only to an interval (revenue equivalence, docs/THEORY.md, Classical
 * results), so a revenue range needs the utilities it holds fixed stated explicitly.
 *
 * @param agent the agent's index
 * @param type the type's index
 * @param utility the interim expected utility the type must get, exactly
 */
public record PinnedUtility(int agent, int type, BigFraction utility) {
  public PinnedUtility {
    Objects.requireNonNull(utility, "utility");
  }
}
