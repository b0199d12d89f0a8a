package org.mechlp.cli.render.json;

import java.util.List;
import java.util.Map;

/**
 * The {@code mechlp-compare/1} JSON of {@code mechlp compare} (docs/OUTPUT.md, schema/mechlp-compare-1.schema.json),
 * as Jackson writes it: components in this order, {@code null} where a row has no value.
 */
public record CompareJson(
    String format,
    String command,
    String problem,
    String objective,
    String objectiveSense,
    String constraints,
    boolean exact,
    List<String> agents,
    int exitCode,
    List<Row> rows,
    List<Gap> gaps) {

  /** A number with its exact value as a fraction ("22/9") when it is known exactly, else null. */
  public record Quantity(Double value, String exact) {}

  /** One row of the comparison. */
  public record Row(
      String id,
      String label,
      String kind,
      String ic,
      String ir,
      boolean own,
      String status,
      String solveStatus,
      Quantity objective,
      Quantity revenue,
      Quantity welfare,
      Map<String, Quantity> utilities,
      Quantity budget,
      Violations violations,
      String certification,
      String note,
      double ms) {}

  /** A built-in mechanism's violated rows, by kind. */
  public record Violations(long ic, long ir, long budget, long other, Quantity largest, String worstRow) {}

  /** A named gap between two rows. */
  public record Gap(String id, String name, String measure, String better, String worse, Quantity value) {}
}
