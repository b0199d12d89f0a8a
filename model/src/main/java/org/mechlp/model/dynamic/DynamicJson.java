package org.mechlp.model.dynamic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Issue;
import org.mechlp.model.json.StrictJson;

/** Strict JSON reading for dynamic files: every issue with its path, collected before anything is returned. */
final class DynamicJson {
  private final String source;
  private final List<Issue> issues = new ArrayList<>();

  DynamicJson(String source) {
    this.source = source;
  }

  /** Parses like every other input file (StrictJson): the same limits; syntax errors name line, column, path. */
  static JsonNode parse(String json, String source) throws InvalidInputException {
    return StrictJson.parse(json, source);
  }

  static JsonNode missing() {
    return MissingNode.getInstance();
  }

  void add(String path, String message) {
    add(path, message, null);
  }

  /** Records an issue once: stationary data read for every period report their issues a single time. */
  void add(String path, String message, String hint) {
    Issue issue = new Issue(path, message, hint);
    if (!issues.contains(issue)) {
      issues.add(issue);
    }
  }

  int count() {
    return issues.size();
  }

  void throwIfAny() throws InvalidInputException {
    if (!issues.isEmpty()) {
      throw new InvalidInputException(source, issues);
    }
  }

  void checkFields(JsonNode node, String path, List<String> known) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!known.contains(e.getKey())) {
        add(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), "unknown field",
            "known fields: " + String.join(", ", known));
      }
    }
  }

  boolean expectObject(JsonNode node, String path) {
    if (node != null && node.isObject()) {
      return true;
    }
    add(path, node == null ? "missing" : "expected an object, got " + describe(node));
    return false;
  }

  boolean expectArray(JsonNode node, String path) {
    if (node != null && node.isArray()) {
      return true;
    }
    add(path, node == null ? "missing" : "expected an array, got " + describe(node));
    return false;
  }

  String text(JsonNode node, String path) {
    if (node != null && node.isTextual()) {
      return node.textValue();
    }
    add(path, "expected a string, got " + describe(node));
    return null;
  }

  String name(JsonNode node, String path) {
    String s = text(node, path);
    if (s != null && s.isBlank()) {
      add(path, "must not be empty");
      return null;
    }
    return s;
  }

  Boolean bool(JsonNode node, String path) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    add(path, "expected true or false, got " + describe(node));
    return null;
  }

  BigFraction number(JsonNode node, String path) {
    Optional<BigFraction> v = parseNumber(node);
    if (v.isPresent()) {
      return v.get();
    }
    add(path, "expected a number or a fraction such as \"1/3\", got " + describe(node));
    return null;
  }

  BigFraction nonNegative(JsonNode node, String path, String what) {
    BigFraction f = number(node, path);
    if (f != null && f.getNumerator().signum() < 0) {
      add(path, "negative " + what + " " + ratio(f));
      return null;
    }
    return f;
  }

  /** The exact value of a JSON number or a number string ("1/3", "0.25"). */
  static Optional<BigFraction> parseNumber(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isNumber()) {
      if (node.decimalValue().scale() > 1000 || node.decimalValue().precision() - node.decimalValue().scale() > 1000) {
        return Optional.empty();
      }
      return Optional.of(Fractions.fromDecimal(node.decimalValue()));
    }
    if (node.isTextual() && node.textValue().length() < 200 && !node.textValue().toLowerCase().contains("e")) {
      return Fractions.parse(node.textValue());
    }
    return Optional.empty();
  }

  static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isTextual()) {
      return "\"" + node.textValue() + "\"";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array";
    }
    return node.toString();
  }

  static String ratio(BigFraction f) {
    return f.getDenominator().equals(BigInteger.ONE) ? f.getNumerator().toString()
        : f.getNumerator() + "/" + f.getDenominator();
  }
}
