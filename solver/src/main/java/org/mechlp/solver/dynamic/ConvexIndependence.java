package org.mechlp.solver.dynamic;

import org.mechlp.model.Fractions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpStatus;

/**
 * Assumption A2 for one block, one LP per column: the L1 distance of column theta of M from the convex hull of the
 * other columns (minimize sum |s| subject to {@link HullFamily}), certified exactly. Distance 0 means the column is
 * a convex combination of the others, and the witness names them with their weights.
 *
 * @param distances the exact L1 distance of each column from the hull of the others (null when not certified)
 * @param witness the first column in the hull of others, in words, or null when A2 holds
 */
public record ConvexIndependence(BigFraction[] distances, String witness) {

  /** True when every column is at positive distance from the hull of the others. */
  public boolean holds() {
    return witness == null && Arrays.stream(distances).allMatch(d -> d != null && d.getNumerator().signum() > 0);
  }

  /** The smallest distance (the "uniformly > 0" part of A2), or null. */
  public BigFraction smallest() {
    return Arrays.stream(distances).filter(d -> d != null).min(BigFraction::compareTo).orElse(null);
  }

  /** Runs the k distance LPs of a block; {@code names} are agent i's signal names. */
  public static ConvexIndependence of(BigFraction[][] law, String[] names) {
    int k = law.length;
    if (k == 1) {
      return new ConvexIndependence(new BigFraction[0], null); // the hull of no other column is empty: A2 holds
    }
    BigFraction[] distances = new BigFraction[k];
    String witness = null;
    int l = law[0].length;
    for (int theta = 0; theta < k; theta++) {
      int n = k - 1 + 2 * l;
      BigFraction[] cost = new BigFraction[n];
      Arrays.fill(cost, BigFraction.ZERO);
      for (int c = k - 1; c < n; c++) {
        cost[c] = BigFraction.ONE;
      }
      LinearProgram lp = new LinearProgram(
          java.util.Collections.nCopies(n, ColumnBounds.NON_NEGATIVE), c -> "c" + c,
          new LinearObjective(false, cost, BigFraction.ZERO), List.of(new HullFamily(law, theta)));
      ExactLp answer = ExactLp.solve(lp);
      if (answer.status() != LpStatus.OPTIMAL) {
        distances[theta] = null;
        if (witness == null) {
          witness = "the distance of column " + names[theta] + " was not certified: " + answer.note();
        }
        continue;
      }
      distances[theta] = answer.objective();
      if (answer.objective().getNumerator().signum() == 0 && witness == null) {
        List<String> parts = new ArrayList<>();
        int c = 0;
        for (int r = 0; r < k; r++) {
          if (r == theta) {
            continue;
          }
          BigFraction w = answer.primal()[c++];
          if (w.getNumerator().signum() != 0) {
            parts.add(Fractions.format(w) + " x " + names[r]);
          }
        }
        witness = "column " + names[theta] + " is the convex combination " + String.join(" + ", parts)
            + " of the others: the others' next signals cannot tell " + names[theta] + " from that mixture";
      }
    }
    return new ConvexIndependence(distances, witness);
  }
}
