package org.mechlp.solver.certify.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Issue;
import org.mechlp.model.json.StrictJson;
import org.mechlp.solver.certify.Certificate;
import org.mechlp.solver.certify.CertificateChecker;
import org.mechlp.solver.certify.InfeasibilityCertificate;
import org.mechlp.solver.certify.Ratios;
import org.mechlp.solver.certify.SparseCertificate;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;

/**
 * The {@code mechlp-certificate/1} file: the problem's name and SHA-256, the sense, the optimal value, and the
 * non-zero primal values and duals as exact fraction strings keyed by the stable column and row names, so that the
 * certificate survives re-compilation and can be re-checked by {@link CertificateChecker} with no LP solver.
 */
public final class CertificateFile {
  /** The format tag. */
  public static final String FORMAT = "mechlp-certificate/1";

  /** The {@code kind} of an optimality certificate (the default when a file has no {@code kind}). */
  public static final String KIND_OPTIMALITY = "optimality";

  /** The {@code kind} of an infeasibility (Farkas) certificate. */
  public static final String KIND_INFEASIBILITY = "infeasibility";

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CertificateFile() {}

  /** A certificate read back, with the problem it claims to be for. */
  public record Parsed(String problem, String problemSha256, Certificate certificate) {}

  /** Thrown for a file that is not a readable certificate for the LP; the message names the JSON path. */
  public static final class FormatException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An exception with the message. */
    public FormatException(String message) {
      super(message);
    }
  }

  /** The hex SHA-256 of the problem file's bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The JSON text of {@code certificate} for {@code lp}. */
  public static String write(String problemName, byte[] problemBytes, LinearProgram lp, Certificate certificate) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("problem", problemName);
    root.put("problemSha256", sha256(problemBytes));
    root.put("sense", certificate.maximize() ? "maximize" : "minimize");
    root.put("objective", Ratios.ratio(certificate.objective()));
    ObjectNode primal = root.putObject("primal");
    BigFraction[] x = certificate.primal();
    for (int j = 0; j < x.length; j++) {
      if (x[j].getNumerator().signum() != 0) {
        primal.put(lp.columnName(j), Ratios.ratio(x[j]));
      }
    }
    putRowValues(root.putObject("duals"), lp, certificate.duals());
    return json(root);
  }

  /**
   * Reads a certificate for {@code lp} from JSON text.
   *
   * @throws FormatException when the text is not JSON, not this format, names an unknown column or row, or holds
   *     a value that is not an exact number
   */
  public static Parsed read(String text, LinearProgram lp) throws FormatException {
    JsonNode root = root(text);
    requireKind(root, KIND_OPTIMALITY);
    String sense = text(root, "sense");
    if (!"maximize".equals(sense) && !"minimize".equals(sense)) {
      throw new FormatException("$.sense: expected \"maximize\" or \"minimize\", got " + shown(root.get("sense")));
    }
    BigFraction objective = fraction(root.get("objective"), "$.objective");
    BigFraction[] x = primal(root, lp);
    BigFraction[] y = rowValues(root, "duals", lp);
    return new Parsed(
        text(root, "problem"),
        text(root, "problemSha256"),
        new Certificate("maximize".equals(sense), objective, x, y));
  }

  /**
   * The JSON text of a certificate whose LP has too many rows to list (a lazily solved problem): as {@link #write},
   * plus {@code rowKeys}, the key of every dual row of a family in {@code keyed} (the incentive families, whose rows
   * a checker does not enumerate), so that {@link #readSparse} finds those rows without naming every row.
   */
  public static String writeSparse(
      String problemName, byte[] problemBytes, LinearProgram lp, SparseCertificate certificate,
      Set<ConstraintFamily> keyed) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("problem", problemName);
    root.put("problemSha256", sha256(problemBytes));
    root.put("sense", certificate.maximize() ? "maximize" : "minimize");
    root.put("objective", Ratios.ratio(certificate.objective()));
    ObjectNode primal = root.putObject("primal");
    BigFraction[] x = certificate.primal();
    for (int j = 0; j < x.length; j++) {
      if (x[j].getNumerator().signum() != 0) {
        primal.put(lp.columnName(j), Ratios.ratio(x[j]));
      }
    }
    ObjectNode duals = root.putObject("duals");
    ObjectNode keys = root.putObject("rowKeys");
    for (SparseCertificate.RowDual d : certificate.duals()) {
      String name = d.family().rowName(d.key());
      duals.put(name, Ratios.ratio(d.value()));
      if (keyed.contains(d.family())) {
        ArrayNode key = keys.putArray(name);
        for (int k : d.key()) {
          key.add(k);
        }
      }
    }
    return json(root);
  }

  /** Whether the certificate's JSON text lists row keys (written by {@link #writeSparse}). */
  public static boolean isSparse(String text) throws FormatException {
    return root(text).has("rowKeys");
  }

  /**
   * Reads a certificate written by {@link #writeSparse}: the rows of the families in {@code keyed} are found from
   * {@code rowKeys} (a key must give back the row's name), the other families' rows by enumerating their names.
   *
   * @throws FormatException as {@link #read}, and for a dual row of a keyed family without a key or with a key that
   *     names another row
   */
  public static SparseParsed readSparse(String text, LinearProgram lp, Set<ConstraintFamily> keyed)
      throws FormatException {
    JsonNode root = root(text);
    requireKind(root, KIND_OPTIMALITY);
    String sense = text(root, "sense");
    if (!"maximize".equals(sense) && !"minimize".equals(sense)) {
      throw new FormatException("$.sense: expected \"maximize\" or \"minimize\", got " + shown(root.get("sense")));
    }
    BigFraction objective = fraction(root.get("objective"), "$.objective");
    BigFraction[] x = primal(root, lp);
    JsonNode keys = root.get("rowKeys");
    if (keys == null || !keys.isObject()) {
      throw new FormatException("$.rowKeys: expected an object of row name: [key integers]");
    }
    Map<String, SparseCertificate.RowDual> enumerated = new HashMap<>();
    Map<String, BigFraction> duals = entries(root, "duals");
    for (ConstraintFamily family : lp.families()) {
      if (!keyed.contains(family)) {
        family.forEachRow(
            row -> {
              BigFraction y = duals.get(row.name());
              if (y != null) {
                enumerated.put(row.name(), new SparseCertificate.RowDual(family, row.key().clone(), y));
              }
            });
      }
    }
    List<SparseCertificate.RowDual> out = new ArrayList<>();
    for (Map.Entry<String, BigFraction> e : duals.entrySet()) {
      String path = "$.duals." + StrictJson.echo(e.getKey());
      SparseCertificate.RowDual found = enumerated.get(e.getKey());
      if (found == null) {
        found = keyedDual(keys.get(e.getKey()), e.getKey(), e.getValue(), keyed, path);
      }
      out.add(found);
    }
    for (Map.Entry<String, JsonNode> e : keys.properties()) {
      if (!duals.containsKey(e.getKey())) {
        throw new FormatException("$.rowKeys." + StrictJson.echo(e.getKey()) + ": the row has no dual in $.duals");
      }
    }
    return new SparseParsed(
        text(root, "problem"),
        text(root, "problemSha256"),
        new SparseCertificate("maximize".equals(sense), objective, x, out));
  }

  /** A sparse certificate read back, with the problem it claims to be for. */
  public record SparseParsed(String problem, String problemSha256, SparseCertificate certificate) {}

  private static SparseCertificate.RowDual keyedDual(
      JsonNode keyNode, String name, BigFraction y, Set<ConstraintFamily> keyed, String path) throws FormatException {
    if (keyNode == null) {
      throw new FormatException(path + ": no row of the problem has this name (rows of the incentive families need"
          + " their key in $.rowKeys)");
    }
    String keyPath = "$.rowKeys." + StrictJson.echo(name);
    if (!keyNode.isArray() || keyNode.size() == 0 || keyNode.size() > 16) {
      throw new FormatException(keyPath + ": expected an array of up to 16 integers");
    }
    int[] key = new int[keyNode.size()];
    for (int k = 0; k < key.length; k++) {
      JsonNode v = keyNode.get(k);
      if (!v.isInt()) {
        throw new FormatException(keyPath + "[" + k + "]: expected an integer, got " + shown(v));
      }
      key[k] = v.asInt();
    }
    for (ConstraintFamily family : keyed) {
      String rowName;
      try {
        rowName = family.rowOf(key).name();
      } catch (IllegalArgumentException | IndexOutOfBoundsException notARow) {
        continue;
      }
      if (rowName.equals(name)) {
        return new SparseCertificate.RowDual(family, key, y);
      }
    }
    throw new FormatException(keyPath + ": the key " + Arrays.toString(key) + " names no row called " + name);
  }

  private static BigFraction[] primal(JsonNode root, LinearProgram lp) throws FormatException {
    Map<String, Integer> columns = new HashMap<>();
    for (int j = 0; j < lp.columnCount(); j++) {
      columns.put(lp.columnName(j), j);
    }
    BigFraction[] x = new BigFraction[lp.columnCount()];
    Arrays.fill(x, BigFraction.ZERO);
    for (Map.Entry<String, BigFraction> e : entries(root, "primal").entrySet()) {
      Integer j = columns.get(e.getKey());
      if (j == null) {
        throw new FormatException(
            "$.primal." + StrictJson.echo(e.getKey()) + ": no column of the problem has this name");
      }
      x[j] = e.getValue();
    }
    return x;
  }

  /** An infeasibility certificate read back, with the problem it claims to be for. */
  public record ParsedInfeasibility(String problem, String problemSha256, InfeasibilityCertificate certificate) {}

  /**
   * The {@code kind} of a certificate's JSON text: {@link #KIND_OPTIMALITY} when absent, else
   * {@link #KIND_INFEASIBILITY} or {@link #KIND_OPTIMALITY}.
   *
   * @throws FormatException when the text is not a JSON object of this format or the kind is unknown
   */
  public static String kind(String text) throws FormatException {
    return kindOf(root(text));
  }

  /** The JSON text of an infeasibility certificate for {@code lp}: the non-zero Farkas multipliers by row name. */
  public static String writeInfeasibility(
      String problemName, byte[] problemBytes, LinearProgram lp, InfeasibilityCertificate certificate) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("kind", KIND_INFEASIBILITY);
    root.put("problem", problemName);
    root.put("problemSha256", sha256(problemBytes));
    putRowValues(root.putObject("farkas"), lp, certificate.multipliers());
    return json(root);
  }

  /**
   * Reads an infeasibility certificate for {@code lp} from JSON text.
   *
   * @throws FormatException when the text is not JSON, not this format and kind, names an unknown row, or holds a
   *     value that is not an exact number
   */
  public static ParsedInfeasibility readInfeasibility(String text, LinearProgram lp) throws FormatException {
    JsonNode root = root(text);
    requireKind(root, KIND_INFEASIBILITY);
    BigFraction[] y = rowValues(root, "farkas", lp);
    return new ParsedInfeasibility(
        text(root, "problem"), text(root, "problemSha256"), new InfeasibilityCertificate(y));
  }

  /** Puts the non-zero {@code values}, one per row of {@code lp} in row order, into {@code target} by row name. */
  private static void putRowValues(ObjectNode target, LinearProgram lp, BigFraction[] values) {
    long[] index = {0};
    for (ConstraintFamily family : lp.families()) {
      family.forEachRow(
          row -> {
            BigFraction y = values[(int) index[0]++];
            if (y.getNumerator().signum() != 0) {
              target.put(row.name(), Ratios.ratio(y));
            }
          });
    }
  }

  /** The values by row name in {@code root.field}, one per row of {@code lp} in row order (zero when absent). */
  private static BigFraction[] rowValues(JsonNode root, String field, LinearProgram lp) throws FormatException {
    Map<String, Integer> rowIndex = new HashMap<>();
    long[] index = {0};
    for (ConstraintFamily family : lp.families()) {
      family.forEachRow(row -> rowIndex.put(row.name(), (int) index[0]++));
    }
    BigFraction[] y = new BigFraction[(int) index[0]];
    Arrays.fill(y, BigFraction.ZERO);
    for (Map.Entry<String, BigFraction> e : entries(root, field).entrySet()) {
      Integer i = rowIndex.get(e.getKey());
      if (i == null) {
        throw new FormatException(
            "$." + field + "." + StrictJson.echo(e.getKey()) + ": no row of the problem has this name");
      }
      y[i] = e.getValue();
    }
    return y;
  }

  /** The JSON text of {@code root}, with a final newline. */
  private static String json(ObjectNode root) {
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every top-level field a certificate may have (the calibrated ones add "lp" and "posteriors"). */
  private static final List<String> FIELDS =
      List.of("format", "kind", "problem", "problemSha256", "lp", "posteriors", "sense", "objective", "primal",
          "duals", "rowKeys", "farkas");

  /**
   * The certificate's JSON object, read as strictly as a problem file (StrictJson: no duplicate keys, no trailing
   * text, bounded numbers), with the format tag checked and unknown top-level fields refused.
   */
  static JsonNode root(String text) throws FormatException {
    JsonNode root;
    try {
      root = StrictJson.parse(text, "certificate");
    } catch (InvalidInputException e) {
      Issue issue = e.issues().get(0);
      throw new FormatException(
          "$" + (issue.pointer().isEmpty() ? "" : "." + issue.pointer()) + ": not valid JSON: " + issue.message());
    }
    if (!root.isObject()) {
      throw new FormatException("$: expected a JSON object");
    }
    if (!FORMAT.equals(text(root, "format"))) {
      throw new FormatException("$.format: expected \"" + FORMAT + "\", got " + shown(root.get("format")));
    }
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (!FIELDS.contains(e.getKey())) {
        throw new FormatException("$." + StrictJson.echo(e.getKey()) + ": unknown field; known fields: "
            + String.join(", ", FIELDS));
      }
    }
    return root;
  }

  /** A JSON value as it may be echoed in a message (escaped, cut when long). */
  static String shown(JsonNode node) {
    return node == null ? "nothing" : StrictJson.echo(node.toString());
  }

  /**
   * The exact value of a number string, bounded as numbers in problem files are (so "1e99999999" is refused
   * instead of expanded into a hundred-million-digit integer).
   */
  static Optional<BigFraction> exact(JsonNode node) {
    return node != null && node.isTextual() ? StrictJson.parseNumber(node.asText()) : Optional.empty();
  }

  private static String kindOf(JsonNode root) throws FormatException {
    JsonNode node = root.get("kind");
    if (node == null) {
      return KIND_OPTIMALITY;
    }
    String kind = node.isTextual() ? node.asText() : null;
    if (!KIND_OPTIMALITY.equals(kind) && !KIND_INFEASIBILITY.equals(kind)) {
      throw new FormatException("$.kind: expected \"" + KIND_OPTIMALITY + "\" or \"" + KIND_INFEASIBILITY
          + "\", got " + shown(node));
    }
    return kind;
  }

  private static void requireKind(JsonNode root, String expected) throws FormatException {
    String kind = kindOf(root);
    if (!kind.equals(expected)) {
      throw new FormatException("$.kind: this is an " + kind + " certificate, not an " + expected + " one");
    }
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = root.get(field);
    return node == null || !node.isTextual() ? null : node.asText();
  }

  private static Map<String, BigFraction> entries(JsonNode root, String field) throws FormatException {
    JsonNode node = root.get(field);
    if (node == null || !node.isObject()) {
      throw new FormatException("$." + field + ": expected an object of name: \"fraction\"");
    }
    Map<String, BigFraction> out = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      out.put(e.getKey(), fraction(e.getValue(), "$." + field + "." + StrictJson.echo(e.getKey())));
    }
    return out;
  }

  private static BigFraction fraction(JsonNode node, String path) throws FormatException {
    Optional<BigFraction> value = exact(node);
    if (value.isEmpty()) {
      throw new FormatException(path + ": expected an exact number as a string such as \"9/4\" (decimal exponents"
          + " up to 1000), got " + shown(node));
    }
    return value.get();
  }
}
