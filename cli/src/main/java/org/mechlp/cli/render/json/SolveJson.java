package org.mechlp.cli.render.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The {@code mechlp-report/1} JSON of a solve (docs/OUTPUT.md, schema/mechlp-report-1.schema.json), as Jackson
 * writes it: components in this order, {@code null} written where the format has a null, the optional sections left
 * out when absent.
 */
public record SolveJson(
    String format,
    String command,
    String problem,
    String status,
    Double objective,
    String objectiveSense,
    boolean exact,
    Lp lp,
    Times times,
    String solver,
    String message,
    @JsonInclude(Include.NON_NULL) Strategy strategy,
    VerificationJson verification,
    JsonNode mechanism,
    List<InterimJson> interim,
    List<Binding> binding,
    Map<String, Long> bindingCounts,
    @JsonInclude(Include.NON_NULL) Explanation explanation,
    @JsonInclude(Include.NON_NULL) Object certificate,
    @JsonInclude(Include.NON_NULL) InfeasibilityJson infeasibility,
    @JsonInclude(Include.NON_NULL) Deterministic deterministic,
    @JsonInclude(Include.NON_NULL) Range range,
    @JsonInclude(Include.NON_NULL) Robust robust) {

  /** This report with a certificate object ({@link CertificateJson}). */
  public SolveJson withCertificate(Object newCertificate) {
    return new SolveJson(format, command, problem, status, objective, objectiveSense, exact, lp, times, solver,
        message, strategy, verification, mechanism, interim, binding, bindingCounts, explanation, newCertificate,
        infeasibility, deterministic, range, robust);
  }

  /** This report with the diagnosis of its infeasibility. */
  public SolveJson withInfeasibility(InfeasibilityJson newInfeasibility) {
    return new SolveJson(format, command, problem, status, objective, objectiveSense, exact, lp, times, solver,
        message, strategy, verification, mechanism, interim, binding, bindingCounts, explanation, certificate,
        newInfeasibility, deterministic, range, robust);
  }

  /** This report with the comparison of the deterministic and the randomized optimum. */
  public SolveJson withDeterministic(Deterministic newDeterministic) {
    return new SolveJson(format, command, problem, status, objective, objectiveSense, exact, lp, times, solver,
        message, strategy, verification, mechanism, interim, binding, bindingCounts, explanation, certificate,
        infeasibility, newDeterministic, range, robust);
  }

  /** This report with the range of the objective over transfers. */
  public SolveJson withRange(Range newRange) {
    return new SolveJson(format, command, problem, status, objective, objectiveSense, exact, lp, times, solver,
        message, strategy, verification, mechanism, interim, binding, bindingCounts, explanation, certificate,
        infeasibility, deterministic, newRange, robust);
  }

  /**
   * A robust or Rawlsian objective, or a prior from sample counts (docs/OUTPUT.md, Robust and Rawlsian objectives):
   * each prior's value, own optimum and regret, the worst ones marked, and the counts.
   */
  public record Robust(String kind, List<RobustPrior> priors, List<RobustCounts> counts, String confidence) {}

  /** One prior of a robust summary; exact values are fractions as strings, null when the mechanism is not exact. */
  public record RobustPrior(
      String prior,
      String law,
      Double value,
      String exactValue,
      String ownOptimum,
      Double regret,
      boolean worst,
      List<String> leastTypes) {}

  /** One counted agent: its counts by type, the empirical law (fractions) and the L1 radius, or null. */
  public record RobustCounts(
      String agent, Map<String, java.math.BigInteger> counts, List<String> law, String radius) {}

  /** The LP's size. */
  public record Lp(long rows, long columns, long nonZeros) {}

  /** Compile, solve and verify times in milliseconds. */
  public record Times(double compileMs, double solveMs, double verifyMs) {}

  /** How the LP was built (docs/OUTPUT.md, "strategy"). */
  public record Strategy(
      String strategy,
      String reason,
      int rounds,
      long icRowsUsed,
      long icRowsTotal,
      List<Double> roundMs,
      Double maxViolationAllRows) {}

  /** A binding row with its slack and dual. */
  public record Binding(
      String family, String row, String description, String agent, Double slack, Double dual) {}

  /** The explanation: a sentence per kind of constraint and the shadow prices in words. */
  public record Explanation(List<String> summary, List<ShadowPrice> shadowPrices) {}

  /** A binding row's price and what it means. */
  public record ShadowPrice(String row, String family, Double dual, Double relaxationEffect, String meaning) {}

  /** {@code solve --deterministic}: the deterministic optimum against the randomized one. */
  public record Deterministic(
      Double objective,
      Double randomizedObjective,
      String randomizedStatus,
      Double valueOfRandomization,
      Double ratio,
      Double bestBound,
      Double gap,
      boolean provenOptimal) {}

  /** {@code solve --range}: both ends with their statuses and mechanisms. */
  public record Range(
      Double min, Double max, String minStatus, String maxStatus, JsonNode minMechanism, JsonNode maxMechanism) {}
}
