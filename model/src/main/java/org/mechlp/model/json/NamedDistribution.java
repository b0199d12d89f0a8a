package org.mechlp.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * A probability distribution over named things (an agent's types or preferences, an estimator's estimates): a list
 * with one probability per name in order, or an object by name (unlisted names 0). Every entry is a non-negative
 * number and the entries sum to exactly 1; every issue is reported at its path.
 */
final class NamedDistribution {
  private NamedDistribution() {}

  /**
   * Reads the distribution at {@code path}, or reports why not and returns null.
   *
   * @param kind what the names are, for messages ("type", "estimate")
   * @param names the names, in order
   * @param hint the hint for an unknown name (for example "types of a: lo, hi")
   * @param listAllowed whether the list form is accepted
   * @param expected the end of the message when the sum is not 1 (for example "expected 1")
   */
  static BigFraction[] read(JsonInput in, Issues issues, JsonNode node, String path, String kind, List<String> names,
      String hint, boolean listAllowed, String expected) {
    int before = issues.count();
    BigFraction[] p = new BigFraction[names.size()];
    Arrays.fill(p, BigFraction.ZERO);
    if (node.isArray() && listAllowed) {
      if (node.size() != p.length) {
        issues.add(path, "has " + node.size() + " entries, expected " + p.length + " (one per " + kind + ")");
        return null;
      }
      for (int k = 0; k < p.length; k++) {
        p[k] = in.nonNegative(node.get(k), Issues.index(path, k), "probability");
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String at = Issues.field(path, e.getKey());
        int k = names.indexOf(e.getKey());
        if (k < 0) {
          issues.add(at, "unknown " + kind + " " + JsonInput.quote(e.getKey()), hint);
          continue;
        }
        p[k] = in.nonNegative(e.getValue(), at, "probability");
      }
    } else {
      issues.add(path, (listAllowed ? "expected an array or an object of probabilities, got "
          : "expected an object of probabilities by " + kind + ", got ") + JsonInput.describe(node));
      return null;
    }
    if (issues.count() > before) {
      return null;
    }
    BigFraction sum = Arrays.stream(p).reduce(BigFraction.ZERO, BigFraction::add);
    if (!sum.equals(BigFraction.ONE)) {
      issues.add(path, "sums to " + JsonInput.ratio(sum) + ", " + expected);
      return null;
    }
    return p;
  }
}
