package org.mechlp.solver.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The IC rows the feature LP starts from: for every item k, each type's misreport to the next lower value of item k
 * with everything else equal (its downward grid neighbour along k). On a product grid of values these are the local
 * downward rows, the ones that bind for ordered types; types off any grid simply get fewer seeds, and the lazy loop
 * adds whatever is violated. Found by grouping types on their other coordinates, in O(K m log K), not by comparing
 * all pairs.
 */
final class FeatureSeeds {
  private FeatureSeeds() {}

  /** The seed pairs (t, s): t must not gain by reporting s, where s is t's lower neighbour along an item. */
  static List<long[]> downward(AdditiveStructure structure) {
    int types = structure.base().length;
    int items = structure.items();
    List<long[]> seeds = new ArrayList<>();
    for (int k = 0; k < items; k++) {
      int item = k;
      Map<List<BigFraction>, List<Integer>> lines = new HashMap<>();
      for (int t = 0; t < types; t++) {
        List<BigFraction> rest = new ArrayList<>(items);
        rest.add(structure.base()[t]);
        for (int j = 0; j < items; j++) {
          if (j != item) {
            rest.add(structure.weights()[t][j]);
          }
        }
        lines.computeIfAbsent(rest, r -> new ArrayList<>()).add(t);
      }
      for (List<Integer> line : lines.values()) {
        Integer[] sorted = line.toArray(new Integer[0]);
        Arrays.sort(sorted, (a, b) -> structure.weights()[a][item].compareTo(structure.weights()[b][item]));
        for (int j = 1; j < sorted.length; j++) {
          int lower = sorted[j - 1];
          int higher = sorted[j];
          if (structure.weights()[higher][item].compareTo(structure.weights()[lower][item]) > 0) {
            seeds.add(new long[] {higher, lower});
          }
        }
      }
    }
    return seeds;
  }
}
