package org.mechlp.model.datadriven;

import java.util.Objects;

/**
 * The data-driven part of a problem: what is observed after the allocation and the solution concept
 * (docs/THEORY.md, Data-driven mechanisms).
 *
 * @param estimator what is observed after the allocation
 * @param equilibrium the solution concept
 * @param affine the affine form of the utilities when the estimator is affine, else null
 */
public record DataDrivenSpec(Estimator estimator, Equilibrium equilibrium, AffineUtilities affine) {
  public DataDrivenSpec {
    Objects.requireNonNull(estimator, "estimator");
    Objects.requireNonNull(equilibrium, "equilibrium");
  }
}
