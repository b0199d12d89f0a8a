package org.mechlp.cli.render.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;
import java.util.Map;

/**
 * The {@code mechlp-report/1} JSON of a calibrated solve: the top-level fields of a solve report plus a {@code
 * calibrated} object, and with {@code --exact} a {@code certificate} object (docs/OUTPUT.md).
 */
public record CalibratedSolveJson(
    String format,
    String command,
    String problem,
    String status,
    Double objective,
    String objectiveSense,
    SolveJson.Lp lp,
    SolveJson.Times times,
    String solver,
    String message,
    VerificationJson verification,
    Calibrated calibrated,
    @JsonInclude(Include.NON_NULL) Certificate certificate) {

  /** This report with the certification of its LPs. */
  public CalibratedSolveJson withCertificate(Certificate newCertificate) {
    return new CalibratedSolveJson(format, command, problem, status, objective, objectiveSense, lp, times, solver,
        message, verification, calibrated, newCertificate);
  }

  /** What is calibrated about the answer: signals, rules per signal and the benchmarks that bracket it. */
  public record Calibrated(
      String disclosure,
      Settings settings,
      boolean exact,
      String objectiveKind,
      String exactness,
      int candidatePosteriors,
      Benchmarks benchmarks,
      List<String> states,
      List<SignalRow> signalStructure,
      List<Signal> signals) {}

  /** The calibration block's settings; {@code signal} is the fixed signal, exactly, or null. */
  public record Settings(
      int grid,
      int maxDenominator,
      boolean adaptive,
      boolean observePayments,
      boolean typesRedrawn,
      Map<String, Map<String, String>> signal) {}

  /** The values that bracket the calibrated value; {@code deterministicRules} only when it was solved. */
  public record Benchmarks(
      Double standardBound,
      String standardBoundSide,
      Double fullTransparency,
      Double noDisclosure,
      @JsonInclude(Include.NON_NULL) Object deterministicRules,
      Double gap) {}

  /** One signal's likelihood per state. */
  public record SignalRow(String signal, Map<String, Double> pi) {}

  /** One signal: its probability, the posterior it induces and the rule applied after it. */
  public record Signal(String signal, Double probability, Map<String, Double> posterior, List<Rule> rule) {}

  /**
   * The rule after a signal for one reported type ({@code type}, one agent) or profile ({@code types}); the payment
   * of one agent ({@code payment}) or each agent's transfer ({@code transfers}) when the problem has transfers.
   */
  public record Rule(
      @JsonInclude(Include.NON_NULL) String type,
      @JsonInclude(Include.NON_NULL) Map<String, String> types,
      Map<String, Double> allocation,
      @JsonInclude(Include.NON_NULL) Object payment,
      @JsonInclude(Include.NON_NULL) Map<String, Double> transfers) {}

  /** {@code --exact}: the main LP's certification, the calibrated optimum when proven, and the bracketing LPs. */
  public record Certificate(
      String status,
      String lp,
      int candidatePosteriors,
      String objective,
      int basisDimension,
      double certifyMs,
      String reason,
      String calibratedOptimum,
      String calibratedOptimumReason,
      CertifiedBenchmarks benchmarks) {}

  /** The certified bracketing LPs that were solved. */
  public record CertifiedBenchmarks(
      @JsonInclude(Include.NON_NULL) CertifiedLp standardBound,
      @JsonInclude(Include.NON_NULL) CertifiedLp fullTransparency,
      @JsonInclude(Include.NON_NULL) CertifiedLp noDisclosure,
      @JsonInclude(Include.NON_NULL) CertifiedLp deterministicRules) {}

  /** One certified LP: which, its certification status, its exact value and why. */
  public record CertifiedLp(String lp, String status, String objective, String reason) {}
}
