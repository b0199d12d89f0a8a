package org.mechlp.solver.report;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The result of re-evaluating every row and column bound of a problem at a point, independently of the solver.
 *
 * @param maxViolation the largest violation over all rows and column bounds, in the problem's units
 * @param worstRow the name of the row (or column) with the largest violation, or null when nothing is violated
 * @param rowsChecked rows and column bounds evaluated
 * @param exact whether the evaluation ran in exact rational arithmetic
 * @param exactMaxViolation the exact largest violation when exact, else null
 * @param violations the violated rows (violation above the tolerance, compared exactly in exact mode), largest
 *     first, at most the listing cap
 * @param violationCount how many rows are violated in all
 * @param binding binding inequality rows (|slack| within tolerance) and budget equalities, at most the listing cap,
 *     largest |dual| first when duals are known
 * @param bindingCountByFamily how many rows bind per family
 * @param objectiveRecomputed the objective recomputed from the point
 * @param tolerance the tolerance used
 * @param optimality whether the point was also shown optimal (from the duals or exactly), or null when optimality
 *     was not examined (a mechanism checked by {@code check}, a point that failed feasibility)
 */
public record Verification(
    double maxViolation,
    String worstRow,
    long rowsChecked,
    boolean exact,
    BigFraction exactMaxViolation,
    List<RowCheck> violations,
    long violationCount,
    List<RowCheck> binding,
    Map<String, Long> bindingCountByFamily,
    double objectiveRecomputed,
    double tolerance,
    Optimality optimality) {
  public Verification {
    violations = List.copyOf(violations);
    binding = List.copyOf(binding);
    // Sorted by family id: Map.copyOf iterates in an order that changes from run to run.
    bindingCountByFamily = Collections.unmodifiableMap(new TreeMap<>(bindingCountByFamily));
  }

  /** A verification of feasibility only. */
  public Verification(
      double maxViolation,
      String worstRow,
      long rowsChecked,
      boolean exact,
      BigFraction exactMaxViolation,
      List<RowCheck> violations,
      long violationCount,
      List<RowCheck> binding,
      Map<String, Long> bindingCountByFamily,
      double objectiveRecomputed,
      double tolerance) {
    this(maxViolation, worstRow, rowsChecked, exact, exactMaxViolation, violations, violationCount, binding,
        bindingCountByFamily, objectiveRecomputed, tolerance, null);
  }

  /** This verification with the optimality check's outcome. */
  public Verification withOptimality(Optimality newOptimality) {
    return new Verification(maxViolation, worstRow, rowsChecked, exact, exactMaxViolation, violations,
        violationCount, binding, bindingCountByFamily, objectiveRecomputed, tolerance, newOptimality);
  }
}
