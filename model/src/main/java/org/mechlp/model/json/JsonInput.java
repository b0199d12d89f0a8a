package org.mechlp.model.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Issue;

/** Strict JSON parsing and the small typed readers every mechlp file reader shares. */
final class JsonInput {
  /** Names usable in expressions: agent names and attribute names. */
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Decimal exponents beyond this are refused: 1e999999999 would take forever to turn into a fraction. */
  private static final int MAX_EXPONENT = 1000;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private final Issues issues;
  private final boolean checkRange;
  private BigFraction smallestAmount;
  private String smallestAmountPath;
  private BigFraction largestAmount;
  private String largestAmountPath;

  /** A reader of mechanism, certificate and other files: numbers are not range-checked (solver output may be tiny). */
  JsonInput(Issues issues) {
    this(issues, false);
  }

  /**
   * A reader that refuses, when {@code checkRange}, numbers outside {@link NumberRange} (problem files) and records
   * the extreme non-zero amounts for {@link #checkAmountRatio}.
   */
  JsonInput(Issues issues, boolean checkRange) {
    this.issues = issues;
    this.checkRange = checkRange;
  }

  /** The shared mapper (also used to build output trees). */
  static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Parses {@code json}, or throws with one {@code line L, column C: ...} issue. */
  static JsonNode parse(String json, String source) throws InvalidInputException {
    try {
      JsonNode root = MAPPER.readTree(json);
      if (root == null || root.isMissingNode()) {
        throw new InvalidInputException(source, List.of(Issue.of("", "the file is empty")));
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
      String what = e.getOriginalMessage();
      int newline = what.indexOf('\n');
      if (newline >= 0) {
        what = what.substring(0, newline);
      }
      throw new InvalidInputException(source, List.of(Issue.of("", where + what)));
    }
  }

  /** Describes a JSON value for "got ..." messages. */
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

  /** Reports every field of {@code node} not in {@code known}; {@code node} must be an object. */
  void checkFields(JsonNode node, String path, List<String> known) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String name = e.getKey();
      if (!known.contains(name)) {
        issues.add(Issues.field(path, name), "unknown field", "known fields: " + String.join(", ", known));
      }
    }
  }

  /** True when {@code node} is an object; reports otherwise. */
  boolean expectObject(JsonNode node, String path) {
    if (node.isObject()) {
      return true;
    }
    issues.add(path, "expected an object, got " + describe(node));
    return false;
  }

  /** True when {@code node} is an array; reports otherwise. */
  boolean expectArray(JsonNode node, String path) {
    if (node.isArray()) {
      return true;
    }
    issues.add(path, "expected an array, got " + describe(node));
    return false;
  }

  /** The text of a string node; reports and returns null otherwise. */
  String text(JsonNode node, String path) {
    if (node.isTextual()) {
      return node.textValue();
    }
    issues.add(path, "expected a string, got " + describe(node));
    return null;
  }

  /** A non-empty name; reports and returns null otherwise. */
  String name(JsonNode node, String path) {
    String s = text(node, path);
    if (s != null && s.isEmpty()) {
      issues.add(path, "must not be empty");
      return null;
    }
    return s;
  }

  /** The boolean of a boolean node; reports and returns null otherwise. */
  Boolean bool(JsonNode node, String path) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    issues.add(path, "expected true or false, got " + describe(node));
    return null;
  }

  /** A number written as a JSON number or a string such as "1/3"; reports and returns null otherwise. */
  BigFraction number(JsonNode node, String path) {
    return number(node, path, true);
  }

  private BigFraction number(JsonNode node, String path, boolean amount) {
    Optional<BigFraction> value = parseNumber(node);
    if (value.isPresent()) {
      return inRange(value.get(), path, amount) ? value.get() : null;
    }
    issues.add(path, "expected a number or a fraction such as \"1/3\", got " + describe(node));
    return null;
  }

  /**
   * Whether {@code x} read at {@code path} is in {@link NumberRange} (always true when not range-checking); reports
   * otherwise. An {@code amount} (value, cost, bound; not a probability or tolerance) also counts for the ratio.
   */
  boolean inRange(BigFraction x, String path, boolean amount) {
    return inRange(x, path, amount, "");
  }

  /** {@link #inRange(BigFraction, String, boolean)} for a computed number; {@code where} prefixes the message. */
  boolean inRange(BigFraction x, String path, boolean amount, String where) {
    if (!checkRange) {
      return true;
    }
    Optional<String> why = NumberRange.whyOutside(x);
    if (why.isPresent()) {
      issues.add(path, where + why.get(), "the range is in docs/FORMAT.md, \"Numbers mechlp answers reliably\"");
      return false;
    }
    if (amount && x.getNumerator().signum() != 0) {
      BigFraction magnitude = x.abs();
      if (smallestAmount == null || magnitude.compareTo(smallestAmount) < 0) {
        smallestAmount = magnitude;
        smallestAmountPath = path;
      }
      if (largestAmount == null || magnitude.compareTo(largestAmount) > 0) {
        largestAmount = magnitude;
        largestAmountPath = path;
      }
    }
    return true;
  }

  /** Reports when the non-zero amounts read so far span more than {@link NumberRange#MAX_RATIO}. */
  void checkAmountRatio() {
    if (smallestAmount == null || largestAmount.divide(smallestAmount).compareTo(NumberRange.MAX_RATIO) <= 0) {
      return;
    }
    issues.add(
        smallestAmountPath,
        "amounts span " + NumberRange.sci(smallestAmount) + " (here) to " + NumberRange.sci(largestAmount) + " (at "
            + largestAmountPath + "), a ratio above 1e24, more than mechlp answers reliably",
        "change the unit of the small or the large amounts, or set tiny ones to 0");
  }

  /** Like {@link #number} but also refuses negative values (probabilities, amounts). */
  BigFraction nonNegative(JsonNode node, String path, String what) {
    BigFraction f = number(node, path, !what.equals("probability") && !what.equals("tolerance"));
    if (f != null && f.getNumerator().signum() < 0) {
      issues.add(path, "negative " + what + " " + ratio(f));
      return null;
    }
    return f;
  }

  /** The exact value of a JSON number or number string, if it is one. */
  static Optional<BigFraction> parseNumber(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isNumber()) {
      if (node.isFloat() || node.isDouble()) {
        // Only reachable for trees built in code; parsed floats are BigDecimal here.
        double d = node.doubleValue();
        return Double.isFinite(d) ? Optional.of(Fractions.fromDouble(d)) : Optional.empty();
      }
      BigDecimal d = node.decimalValue();
      return saneExponent(d) ? Optional.of(Fractions.fromDecimal(d)) : Optional.empty();
    }
    if (node.isTextual()) {
      String s = node.textValue();
      for (String part : s.split("/", -1)) {
        try {
          if (!saneExponent(new BigDecimal(part.trim()))) {
            return Optional.empty();
          }
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
      return Fractions.parse(s);
    }
    return Optional.empty();
  }

  private static boolean saneExponent(BigDecimal d) {
    return Math.abs((long) d.scale()) <= MAX_EXPONENT
        && Math.abs((long) d.precision() - d.scale()) <= MAX_EXPONENT;
  }

  /** The (name, value) pairs of an object node, in file order. */
  static List<Map.Entry<String, JsonNode>> entries(JsonNode node) {
    List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
    list.addAll(node.properties());
    return list;
  }

  /** A fraction as {@code p/q} (or an integer): sums and probabilities read best as ratios, e.g. 9/10. */
  static String ratio(BigFraction f) {
    return f.getDenominator().equals(java.math.BigInteger.ONE)
        ? f.getNumerator().toString()
        : f.getNumerator() + "/" + f.getDenominator();
  }

  /** Quotes a name for messages. */
  static String quote(String s) {
    return "\"" + s + "\"";
  }
}
