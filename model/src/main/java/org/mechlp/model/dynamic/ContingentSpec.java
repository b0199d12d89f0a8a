package org.mechlp.model.dynamic;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * How the contingent transfers are sought.
 *
 * @param variant report-dependent transfers P[y, r] (Lemma A.3) or VCG-type transfers P[y] (Lemma A.4)
 * @param objective which solution of a block to pick
 * @param bound for {@link Objective#MARGIN}: the bound B on |P|; null otherwise
 */
public record ContingentSpec(Variant variant, Objective objective, BigFraction bound) {
  /** The two constructions of the source. */
  public enum Variant {
    REPORT_DEPENDENT("report-dependent"),
    VCG("vcg");

    private final String id;

    Variant(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /** Objectives of a report-dependent block. */
  public enum Objective {
    FEASIBILITY("feasibility"),
    MIN_MAX("min-max"),
    MARGIN("margin");

    private final String id;

    Objective(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /** Report-dependent transfers with the smallest largest |P|. */
  public static ContingentSpec defaults() {
    return new ContingentSpec(Variant.REPORT_DEPENDENT, Objective.MIN_MAX, null);
  }
}
