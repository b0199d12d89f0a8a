package org.mechlp.model.dynamic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;

/** Reads one number per signal profile: a constant, an expression over the signals, or a table keyed by profile. */
final class ProfileValues {
  private final DynamicJson in;
  private final SignalSpace space;
  private final List<String> agents;

  ProfileValues(DynamicJson in, SignalSpace space, List<String> agents) {
    this.in = in;
    this.space = space;
    this.agents = agents;
  }

  BigFraction[] read(JsonNode spec, String path) {
    BigFraction[] values = new BigFraction[space.profileCount()];
    java.util.Arrays.fill(values, BigFraction.ZERO);
    Optional<BigFraction> constant = DynamicJson.parseNumber(spec);
    if (constant.isPresent()) {
      java.util.Arrays.fill(values, constant.get());
      return values;
    }
    if (spec.isTextual()) {
      SignalExpression e = new SignalExpression(spec.textValue(), agents);
      for (int p = 0; p < values.length; p++) {
        try {
          values[p] = e.evaluate(space, p, Map.of());
        } catch (IllegalArgumentException ex) {
          in.add(path, "cannot evaluate " + DynamicJson.describe(spec) + " at profile " + space.profileName(p)
              + ": " + ex.getMessage(), "agent names stand for their signal's value: " + String.join(", ", agents));
          return values;
        }
      }
      return values;
    }
    if (!in.expectObject(spec, path)) {
      return values;
    }
    boolean[] seen = new boolean[values.length];
    for (Map.Entry<String, JsonNode> e : spec.properties()) {
      int p = space.profileOf(e.getKey());
      if (p < 0) {
        in.add(path + "." + e.getKey(), "undeclared signal profile \"" + e.getKey() + "\"",
            "profiles are written like \"" + space.profileName(0) + "\"");
        continue;
      }
      BigFraction v = in.number(e.getValue(), path + "." + e.getKey());
      if (v != null) {
        values[p] = v;
        seen[p] = true;
      }
    }
    for (int p = 0; p < values.length; p++) {
      if (!seen[p]) {
        in.add(path, "missing the value at profile \"" + space.profileName(p) + "\"");
        break;
      }
    }
    return values;
  }
}
