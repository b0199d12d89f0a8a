package org.mechlp.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.BuiltinExpectation;

/**
 * Reads {@code expect.builtins}: what built-in mechanisms must give on the problem.
 *
 * <pre>
 * "builtins": [
 *   {"name": "vcg", "objective": "14/9", "source": "E[min(v1, v2)]"},
 *   {"name": "second-price", "reserve": 2, "objective": "17/9"},
 *   {"name": "agv", "verdict": "fail", "violation": "1/8"} ]
 * </pre>
 */
final class BuiltinExpectationParser {
  private static final List<String> FIELDS =
      List.of("name", "reserve", "price", "order", "tieBreak", "objective", "verdict", "violation", "source");

  private BuiltinExpectationParser() {}

  /** The entries of the list at {@code path}; issues are reported at their paths. */
  static List<BuiltinExpectation> read(JsonNode node, String path, JsonInput in, Issues issues) {
    List<BuiltinExpectation> result = new ArrayList<>();
    if (!in.expectArray(node, path)) {
      return result;
    }
    for (int k = 0; k < node.size(); k++) {
      String at = Issues.index(path, k);
      JsonNode entry = node.get(k);
      if (!in.expectObject(entry, at)) {
        continue;
      }
      in.checkFields(entry, at, FIELDS);
      int before = issues.count();
      String name = null;
      if (entry.has("name")) {
        name = in.name(entry.get("name"), Issues.field(at, "name"));
      } else {
        issues.add(Issues.field(at, "name"), "missing required field");
      }
      BigFraction reserve = entry.has("reserve") ? in.number(entry.get("reserve"), Issues.field(at, "reserve")) : null;
      BigFraction price = entry.has("price") ? in.number(entry.get("price"), Issues.field(at, "price")) : null;
      List<String> order = new ArrayList<>();
      if (entry.has("order") && in.expectArray(entry.get("order"), Issues.field(at, "order"))) {
        for (int j = 0; j < entry.get("order").size(); j++) {
          String agent = in.name(entry.get("order").get(j), Issues.index(Issues.field(at, "order"), j));
          if (agent != null) {
            order.add(agent);
          }
        }
      }
      String tieBreak = "split";
      if (entry.has("tieBreak")) {
        String given = in.text(entry.get("tieBreak"), Issues.field(at, "tieBreak"));
        if (given != null && !List.of("split", "first", "last").contains(given)) {
          issues.add(Issues.field(at, "tieBreak"), "unknown tie-break " + JsonInput.quote(given),
              "tie-breaks: split, first, last");
        } else if (given != null) {
          tieBreak = given;
        }
      }
      BigFraction objective =
          entry.has("objective") ? in.number(entry.get("objective"), Issues.field(at, "objective")) : null;
      String verdict = "pass";
      if (entry.has("verdict")) {
        String given = in.text(entry.get("verdict"), Issues.field(at, "verdict"));
        if (given != null && !List.of("pass", "fail").contains(given)) {
          issues.add(Issues.field(at, "verdict"), "unknown verdict " + JsonInput.quote(given), "verdicts: pass, fail");
        } else if (given != null) {
          verdict = given;
        }
      }
      BigFraction violation =
          entry.has("violation") ? in.number(entry.get("violation"), Issues.field(at, "violation")) : null;
      if (violation != null && verdict.equals("pass")) {
        issues.add(Issues.field(at, "violation"), "a violation needs \"verdict\": \"fail\"");
      }
      String source = entry.has("source") ? in.text(entry.get("source"), Issues.field(at, "source")) : null;
      if (issues.count() == before) {
        result.add(new BuiltinExpectation(name, reserve, price, order, tieBreak, objective, verdict, violation,
            source));
      }
    }
    return result;
  }
}
