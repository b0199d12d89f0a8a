package org.mechlp.solver.calibrated;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Problem;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.verify.VerifiedLp;

/**
 * The information-design picture for two states (docs/THEORY.md, Calibrated mechanisms): V(mu), the value of the best
 * state-independent mechanism when the agent's belief that the state is the second one is mu, and its concave
 * envelope cav V. The calibrated optimum is cav V at the prior, attained by splitting the prior into the posteriors
 * where cav V touches V.
 */
public final class ValueCurve {
  /** One point of the curve: the belief mu in the second state, V(mu) and cav V(mu). */
  public record Point(double mu, double value, double envelope) {}

  private ValueCurve() {}

  /**
   * V and cav V on the grid mu = j / resolution, j = 0..resolution, for a calibrated problem with exactly two
   * states. V is solved exactly at each grid point (one small LP each); cav V is the upper concave hull of those
   * points, so it is exact at the grid points up to the grid's own resolution.
   */
  public static List<Point> compute(Problem problem, SolveOptions options, int resolution) {
    return compute(problem, options, resolution, new OrToolsLpSolver());
  }

  /** As {@link #compute(Problem, SolveOptions, int)}, with the given backend. */
  public static List<Point> compute(Problem problem, SolveOptions options, int resolution, LpSolver backend) {
    CalibratedData data = new CalibratedData(problem);
    if (data.states != 2) {
      throw new IllegalArgumentException("the value curve needs exactly two states, the problem has " + data.states);
    }
    if (resolution < 1) {
      throw new IllegalArgumentException("resolution must be at least 1");
    }
    double[] mu = new double[resolution + 1];
    double[] value = new double[resolution + 1];
    for (int j = 0; j <= resolution; j++) {
      BigFraction second = new BigFraction(j, resolution);
      BigFraction[] belief = {BigFraction.ONE.subtract(second), second};
      List<BigFraction[]> one = new ArrayList<>();
      one.add(belief);
      PosteriorLayout layout = new PosteriorLayout(data, one, List.of("mu"));
      LinearProgram lp = PosteriorLp.build(layout, null, belief);
      VerifiedLp solved = VerifiedLp.solve(lp, backend, options, data.agents);
      if (solved.status() != SolveStatus.OPTIMAL) {
        throw new IllegalStateException(
            "V(" + second + ") could not be computed: " + solved.status() + " " + solved.message());
      }
      mu[j] = second.doubleValue();
      value[j] = data.sign * solved.objective();
    }
    double[] envelope = envelope(mu, value, data.sign);
    List<Point> points = new ArrayList<>(mu.length);
    for (int j = 0; j < mu.length; j++) {
      points.add(new Point(mu[j], value[j], envelope[j]));
    }
    return points;
  }

  /**
   * The upper concave hull (for maximization; the lower convex hull for minimization) of the points, evaluated at
   * every x: Andrew's monotone chain over points sorted by x.
   */
  static double[] envelope(double[] x, double[] y, int sign) {
    int n = x.length;
    int[] hull = new int[n];
    int size = 0;
    for (int i = 0; i < n; i++) {
      while (size >= 2 && !turnsDown(x, y, sign, hull[size - 2], hull[size - 1], i)) {
        size--;
      }
      hull[size++] = i;
    }
    double[] result = new double[n];
    int segment = 0;
    for (int i = 0; i < n; i++) {
      while (segment < size - 2 && x[hull[segment + 1]] < x[i]) {
        segment++;
      }
      int a = hull[segment];
      int b = hull[Math.min(segment + 1, size - 1)];
      result[i] = a == b ? y[a] : y[a] + (y[b] - y[a]) * (x[i] - x[a]) / (x[b] - x[a]);
    }
    return result;
  }

  /** Whether a -> b -> c bends downwards (strictly), so b stays on the upper hull. */
  private static boolean turnsDown(double[] x, double[] y, int sign, int a, int b, int c) {
    double cross = (x[b] - x[a]) * (sign * y[c] - sign * y[a]) - (sign * y[b] - sign * y[a]) * (x[c] - x[a]);
    return cross < 0;
  }
}
