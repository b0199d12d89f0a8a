package org.mechlp.solver.datadriven;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.datadriven.DataDrivenMechanism;
import org.mechlp.model.DataDrivenProblem;

/**
 * Runs data-driven VCG along a consistent estimator sequence (click sampling with growing sample size N): for
 * each N, the exact epsilon per agent next to the bound 2 sup_x |beta_i(x)| (docs/THEORY.md, Data-driven
 * mechanisms).
 */
public final class EstimatorSequence {
  private EstimatorSequence() {}

  /**
   * One sample size.
   *
   * @param samples N
   * @param epsilon per agent, the largest IC gain of data-driven VCG
   * @param bound per agent, 2 sup_x |beta_i(x)|
   */
  public record Point(int samples, BigFraction[] epsilon, BigFraction[] bound) {}

  /**
   * The sequence.
   *
   * @throws IllegalArgumentException when the problem's estimator is not click sampling
   */
  public static List<Point> run(DataDrivenProblem problem, List<Integer> sizes, DataDrivenVcg.H h) {
    if (problem.estimator().sampling() == null) {
      throw new IllegalArgumentException(
          "estimator: a sequence needs a \"clickSampling\" estimator (its sample size is what varies)");
    }
    List<Point> points = new ArrayList<>();
    for (int n : sizes) {
      DataDrivenData data = new DataDrivenData(problem.withEstimator(problem.estimator().withSamples(n)));
      DataDrivenMechanism vcg = DataDrivenVcg.build(data, h);
      DataDrivenCheck check = DataDrivenChecker.check(data, vcg, 0);
      BigFraction[] eps = new BigFraction[data.agents];
      for (int i = 0; i < eps.length; i++) {
        eps[i] = check.gains().get(i).epsilon();
      }
      points.add(new Point(n, eps, DataDrivenVcg.bound(data)));
    }
    return points;
  }
}
