package org.mechlp.cli.render.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;

/** Why a problem is infeasible (docs/OUTPUT.md, "Why infeasible"). */
public record InfeasibilityJson(
    List<Family> families,
    List<String> givenFamilies,
    String rowSet,
    String rowNote,
    List<Row> rows,
    List<Relaxation> relaxations,
    int lpSolves,
    Times times) {

  /** A constraint family in the conflict. */
  public record Family(String id, String title) {}

  /** A row of the conflicting set. */
  public record Row(String row, String family, String agent, String description) {}

  /** The least relaxation of one family that restores feasibility. */
  public record Relaxation(
      String kind,
      String family,
      Double value,
      String exact,
      String description,
      @JsonInclude(Include.NON_NULL) String certification) {}

  /** Time spent on each part of the diagnosis, in milliseconds. */
  public record Times(double familiesMs, double rowsMs, double relaxationsMs) {}
}
