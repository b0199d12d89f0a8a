package org.mechlp.solver.datadriven;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.certify.FarkasCheck;
import org.mechlp.solver.certify.FarkasChecker;
import org.mechlp.solver.certify.InfeasibilityCertificate;
import org.mechlp.solver.certify.InfeasibilityCertification;
import org.mechlp.solver.certify.Ratios;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Proves an LP infeasible from a cycle of difference rows, without a solver. A row with two columns and opposite
 * coefficients, {@code c (x_a - x_b) >= r}, is an edge of a graph over the columns ({@code x_b <= x_a - r / c});
 * rows around a cycle whose bounds add up to a positive amount contradict each other (summed, they say
 * {@code 0 >= a positive number}). With a fixed allocation the message-driven posterior IC rows are all of this form
 * ({@code p_i(r, t_-i) - p_i(t) >= a gain}), and a cycle of misreports is exactly why they are infeasible.
 *
 * <p>The cycle is searched in floating point (Bellman-Ford over all difference rows, each pass checking the
 * predecessor graph for a cycle) and then checked as a Farkas certificate by {@link FarkasChecker} in exact
 * arithmetic, so a rounding artefact can only make the search come back empty, never a wrong proof.
 */
final class DifferenceCycles {
  /** More passes than this without settling: give up (the LP solver and its own proof take over). */
  private static final int MAX_PASSES = 200;

  private final int columns;
  private final List<int[]> edges = new ArrayList<>(); // {from, to, row}
  private final List<Double> weights = new ArrayList<>();
  private final List<BigFraction> scales = new ArrayList<>(); // the multiplier magnitude 1/c of the edge's row
  private final List<Sense> senses = new ArrayList<>();
  private long rows;

  private DifferenceCycles(int columns) {
    this.columns = columns;
  }

  /**
   * A checked Farkas certificate made of a cycle of difference rows, or null when the difference rows have no
   * positive cycle (or the search did not settle).
   */
  static InfeasibilityCertification prove(LinearProgram lp) {
    long start = System.nanoTime();
    DifferenceCycles graph = new DifferenceCycles(lp.columnCount());
    for (ConstraintFamily family : lp.families()) {
      family.forEachRow(graph::add);
    }
    int[] cycle = graph.negativeCycle();
    if (cycle == null) {
      return null;
    }
    BigFraction[] y = new BigFraction[Math.toIntExact(lp.rowCount())];
    Arrays.fill(y, BigFraction.ZERO);
    for (int edge : cycle) {
      int row = graph.edges.get(edge)[2];
      BigFraction scale = graph.scales.get(edge);
      // Farkas signs: <= 0 on >= rows, >= 0 on <= rows (FarkasChecker's convention).
      y[row] = y[row].add(graph.senses.get(edge) == Sense.LE ? scale : scale.negate());
    }
    InfeasibilityCertificate certificate = new InfeasibilityCertificate(y);
    FarkasCheck check = FarkasChecker.check(lp, certificate);
    if (!check.valid()) {
      return null;
    }
    BigFraction total = check.combinedRhs().negate();
    return new InfeasibilityCertification(
        Certification.Status.CERTIFIED,
        cycle.length + " rows form a cycle whose bounds add up to " + Ratios.ratio(total)
            + " > 0 (a Farkas certificate checked in exact arithmetic, found without a solver)",
        certificate,
        null,
        0,
        System.nanoTime() - start);
  }

  private void add(Row row) {
    int index = Math.toIntExact(rows++);
    if (row.columns().length != 2) {
      return;
    }
    BigFraction c0 = row.coefficients()[0];
    BigFraction c1 = row.coefficients()[1];
    if (c0.getNumerator().signum() == 0 || !c0.add(c1).equals(BigFraction.ZERO)) {
      return;
    }
    // Orient as c (x_a - x_b) (sense) rhs with c > 0.
    boolean firstPositive = c0.getNumerator().signum() > 0;
    int a = firstPositive ? row.columns()[0] : row.columns()[1];
    int b = firstPositive ? row.columns()[1] : row.columns()[0];
    BigFraction c = firstPositive ? c0 : c1;
    BigFraction bound = row.rhs().divide(c);
    BigFraction scale = c.reciprocal();
    if (row.sense() != Sense.LE) {
      // x_a - x_b >= bound: x_b <= x_a - bound, an edge a -> b of weight -bound.
      edge(a, b, -bound.doubleValue(), index, scale, Sense.GE);
    }
    if (row.sense() != Sense.GE) {
      // x_a - x_b <= bound: x_a <= x_b + bound, an edge b -> a of weight bound.
      edge(b, a, bound.doubleValue(), index, scale, Sense.LE);
    }
  }

  private void edge(int from, int to, double weight, int row, BigFraction scale, Sense sense) {
    edges.add(new int[] {from, to, row});
    weights.add(weight);
    scales.add(scale);
    senses.add(sense);
  }

  /** The edges of a cycle of negative weight, in order, or null. */
  private int[] negativeCycle() {
    int m = edges.size();
    if (m == 0) {
      return null;
    }
    int[] from = new int[m];
    int[] to = new int[m];
    double[] w = new double[m];
    for (int k = 0; k < m; k++) {
      from[k] = edges.get(k)[0];
      to[k] = edges.get(k)[1];
      w[k] = weights.get(k);
    }
    double[] distance = new double[columns]; // a virtual source at distance 0 from every column
    int[] parentEdge = new int[columns];
    Arrays.fill(parentEdge, -1);
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      boolean changed = false;
      for (int k = 0; k < m; k++) {
        double candidate = distance[from[k]] + w[k];
        // Relax only on a clear improvement, so that rounding cannot keep a zero-weight cycle turning.
        if (candidate < distance[to[k]] - 1e-9 * (1 + Math.abs(distance[to[k]]))) {
          distance[to[k]] = candidate;
          parentEdge[to[k]] = k;
          changed = true;
        }
      }
      if (!changed) {
        return null;
      }
      int[] cycle = parentCycle(parentEdge, from);
      if (cycle != null) {
        return cycle;
      }
    }
    return null;
  }

  /** A cycle in the predecessor graph (each such cycle has negative weight), as its edges in order, or null. */
  private int[] parentCycle(int[] parentEdge, int[] from) {
    int[] state = new int[columns]; // 0 unseen, 1 on the current walk, 2 done
    for (int s = 0; s < columns; s++) {
      if (state[s] != 0) {
        continue;
      }
      int v = s;
      while (v >= 0 && state[v] == 0) {
        state[v] = 1;
        v = parentEdge[v] < 0 ? -1 : from[parentEdge[v]];
      }
      if (v >= 0 && state[v] == 1) {
        List<Integer> cycle = new ArrayList<>();
        int u = v;
        do {
          cycle.add(parentEdge[u]);
          u = from[parentEdge[u]];
        } while (u != v);
        java.util.Collections.reverse(cycle);
        return cycle.stream().mapToInt(Integer::intValue).toArray();
      }
      for (v = s; v >= 0 && state[v] == 1; v = parentEdge[v] < 0 ? -1 : from[parentEdge[v]]) {
        state[v] = 2;
      }
    }
    return null;
  }
}
