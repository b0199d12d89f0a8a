package org.mechlp.model.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
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
    JsonParser parser = null;
    try {
      parser = MAPPER.createParser(json);
      JsonNode root = MAPPER.readTree(parser);
      if (root == null || root.isMissingNode()) {
        throw new InvalidInputException(source, List.of(Issue.of("", "the file is empty")));
      }
      return root;
    } catch (JsonProcessingException e) {
      // Limits (nesting depth, number length) are reported without a location or parser; ours still knows both.
      JsonParser at = e.getProcessor() instanceof JsonParser p ? p : parser;
      JsonLocation location = e.getLocation() != null ? e.getLocation() : at == null ? null : at.currentLocation();
      String where =
          location == null || location.getLineNr() < 0
              ? ""
              : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
      throw new InvalidInputException(source, List.of(Issue.of(pathOf(at), where + syntaxMessage(e))));
    } catch (java.io.IOException e) {
      throw new InvalidInputException(source, List.of(Issue.of("", "cannot be read as JSON: " + e.getMessage())));
    } finally {
      if (parser != null) {
        try {
          parser.close();
        } catch (java.io.IOException ignored) {
          // Reading from a string: nothing to release.
        }
      }
    }
  }

  /** The path of the value being read when a syntax error struck, in the users' notation ({@code agents[0].name}). */
  private static String pathOf(JsonParser parser) {
    if (parser == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
      } else if (c.getCurrentName() != null) {
        parts.add(0, "." + echo(c.getCurrentName()));
      }
    }
    String path = String.join("", parts);
    path = path.startsWith(".") ? path.substring(1) : path;
    // A path thousands of levels deep says no more than its start and its depth.
    return path.length() > 100 ? path.substring(0, 100) + "... (" + parts.size() + " levels)" : path;
  }

  /**
   * Jackson's message in plain words: the first line, without the names of parser features and limits (a user
   * cannot set them), and with the common cases rephrased.
   */
  static String syntaxMessage(JsonProcessingException e) {
    String what = e.getOriginalMessage() == null ? "not valid JSON" : e.getOriginalMessage();
    int newline = what.indexOf('\n');
    if (newline >= 0) {
      what = what.substring(0, newline);
    }
    java.util.regex.Matcher m;
    if (what.startsWith("Trailing token")) {
      return "text follows the end of the JSON value; a file holds exactly one JSON value";
    }
    if ((m = Pattern.compile("Duplicate field '(.*)'").matcher(what)).find()) {
      return "duplicate field " + quote(m.group(1)) + " (each key may appear once per object)";
    }
    if ((m = Pattern.compile("Non-standard token '([^']*)'").matcher(what)).find()) {
      return quote(m.group(1)) + " is not a JSON number; write a finite number";
    }
    if ((m = Pattern.compile("Number value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)").matcher(what))
        .find()) {
      return "a number with " + m.group(1) + " digits; at most " + m.group(2) + " are read";
    }
    if ((m = Pattern.compile("String value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)").matcher(what))
        .find()) {
      return "a string of " + m.group(1) + " characters; at most " + m.group(2) + " are read";
    }
    if ((m = Pattern.compile("nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)").matcher(what))
        .find()) {
      return "values nested " + m.group(1) + " deep; at most " + m.group(2) + " levels are read";
    }
    if (what.contains("ALLOW_COMMENTS") || what.contains("ALLOW_YAML_COMMENTS")) {
      return "comments are not allowed in JSON";
    }
    if (what.contains("ALLOW_SINGLE_QUOTES")) {
      return "strings must be in double quotes";
    }
    if (what.contains("ALLOW_UNQUOTED_FIELD_NAMES")) {
      return "field names must be in double quotes";
    }
    if (what.contains("ALLOW_TRAILING_COMMA") || what.contains("ALLOW_MISSING_VALUES")) {
      return "a comma with no value after it";
    }
    if (what.contains("ALLOW_UNESCAPED_CONTROL_CHARS") || what.contains("Illegal unquoted character")) {
      return "a control character inside a string; escape it (\\n, \\t, \\u0000)";
    }
    if (what.contains("ALLOW_LEADING_ZEROS") || what.contains("Leading zeroes")) {
      return "numbers must not have leading zeros";
    }
    if (what.startsWith("Unexpected end-of-input")) {
      return "the file ends in the middle of a value (a bracket or quote is missing)";
    }
    // Anything else: cut before the first mention of a parser feature or an internal class.
    int internal = firstOf(what, "`", "Feature", "(for ", "com.fasterxml", "JsonNode", "StreamRead", "JsonRead");
    if (internal > 0) {
      what = what.substring(0, internal).replaceAll("[\\s(:;,]+$", "");
    }
    return echo(what, 300);
  }

  private static int firstOf(String s, String... needles) {
    int first = -1;
    for (String n : needles) {
      int i = s.indexOf(n);
      if (i >= 0 && (first < 0 || i < first)) {
        first = i;
      }
    }
    return first;
  }

  /** Describes a JSON value for "got ..." messages. */
  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isTextual()) {
      return quote(node.textValue());
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array";
    }
    return echo(node.toString());
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

  /** Longer values are cut to this many characters in messages. */
  static final int ECHO_LIMIT = 60;

  /** Quotes a name or value for messages: control characters escaped, long text cut (see {@link #echo}). */
  static String quote(String s) {
    return "\"" + echo(s) + "\"";
  }

  /**
   * {@code s} as it may be echoed in a message: control and invisible formatting characters escaped as {@code \n},
   * {@code \t} or {@code \}{@code uXXXX} (a name must not move the cursor or reorder the terminal's text), and text
   * over {@value #ECHO_LIMIT} characters cut to its start plus {@code ... (N characters)}.
   */
  public static String echo(String s) {
    return echo(s, ECHO_LIMIT);
  }

  /** Like {@link #echo(String)}, cutting at {@code limit} characters. */
  static String echo(String s, int limit) {
    String head = s.length() > limit ? s.substring(0, limit) : s;
    StringBuilder b = new StringBuilder(head.length() + 24);
    for (int i = 0; i < head.length(); i++) {
      char c = head.charAt(i);
      switch (c) {
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          int kind = Character.getType(c);
          if (Character.isISOControl(c) || kind == Character.FORMAT || kind == Character.LINE_SEPARATOR
              || kind == Character.PARAGRAPH_SEPARATOR || kind == Character.SURROGATE && !validPair(head, i)) {
            b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    if (s.length() > limit) {
      b.append("... (").append(String.format(java.util.Locale.ROOT, "%,d", s.length())).append(" characters)");
    }
    return b.toString();
  }

  private static boolean validPair(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c)
        ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
