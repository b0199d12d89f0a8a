package org.mechlp.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.CalibrationSpec;
import org.mechlp.model.CalibrationSpec.Disclosure;
import org.mechlp.model.State;

/** Reads the optional top-level {@code "calibration"} block (docs/THEORY.md, Calibrated mechanisms). */
final class CalibrationParser {
  static final String CALIBRATION = "calibration";
  static final int MAX_GRID = 10_000;
  static final int MAX_DENOMINATOR = 1000;

  private static final String DISCLOSURE = Issues.field(CALIBRATION, "disclosure");
  private static final String SIGNAL = Issues.field(DISCLOSURE, "signal");
  private static final List<String> FIELDS =
      List.of("disclosure", "grid", "maxDenominator", "adaptive", "observePayments", "typesRedrawn");

  private final ProblemParser problem;
  private final Issues issues;
  private final JsonInput in;

  CalibrationParser(ProblemParser problem) {
    this.problem = problem;
    this.issues = problem.issues();
    this.in = problem.in();
  }

  /** Whether the block asks for a calibrated mechanism: present and not {@code false}. */
  static boolean requested(JsonNode node) {
    return node != null && !(node.isBoolean() && !node.booleanValue());
  }

  /** The calibration spec of a {@link #requested} block, or null after an issue. */
  CalibrationSpec read(JsonNode node) {
    int before = issues.count();
    checkProblemShape();
    CalibrationSpec spec = null;
    if (node.isBoolean()) {
      spec = CalibrationSpec.optimal();
    } else if (!node.isObject()) {
      issues.add(CALIBRATION, "expected true or an object, got " + JsonInput.describe(node));
    } else {
      spec = readObject(node);
    }
    return issues.count() > before ? null : spec;
  }

  /**
   * Calibrated mechanisms need a state the agents do not know (docs/THEORY.md, Calibrated mechanisms); with several
   * agents mechlp solves the public-signal class of docs/THEORY.md, Several agents: a public signal.
   */
  private void checkProblemShape() {
    if (!problem.statesGiven()) {
      issues.add(CALIBRATION, "needs \"states\"",
          "declare the states the designer knows, e.g. \"states\": [{\"name\": \"L\", \"p\": \"1/2\"}, ...]");
    }
  }

  private CalibrationSpec readObject(JsonNode node) {
    in.checkFields(node, CALIBRATION, FIELDS);
    Disclosure disclosure = Disclosure.OPTIMAL;
    List<String> signalNames = List.of();
    List<List<BigFraction>> signal = List.of();
    JsonNode d = node.get("disclosure");
    if (d != null && d.isObject()) {
      in.checkFields(d, DISCLOSURE, List.of("signal"));
      disclosure = Disclosure.FIXED;
      if (!d.has("signal")) {
        issues.add(SIGNAL, "missing required field");
      } else {
        Signal s = readSignal(d.get("signal"));
        if (s != null) {
          signalNames = s.names();
          signal = s.rows();
        }
      }
    } else if (d != null) {
      disclosure = disclosureName(d);
    }
    int grid = integer(node, "grid", CalibrationSpec.DEFAULT_GRID, MAX_GRID);
    int denominator = integer(node, "maxDenominator", CalibrationSpec.DEFAULT_MAX_DENOMINATOR, MAX_DENOMINATOR);
    boolean adaptive = flag(node, "adaptive", true);
    boolean observePayments = flag(node, "observePayments", true);
    boolean typesRedrawn = flag(node, "typesRedrawn", false);
    return new CalibrationSpec(
        disclosure, signalNames, signal, grid, denominator, adaptive, observePayments, typesRedrawn);
  }

  private Disclosure disclosureName(JsonNode node) {
    String hint = "one of: optimal, full, none, or {\"signal\": {...}} for a given signal structure";
    if (!node.isTextual()) {
      issues.add(DISCLOSURE, "expected a string or an object, got " + JsonInput.describe(node), hint);
      return Disclosure.OPTIMAL;
    }
    for (Disclosure d : List.of(Disclosure.OPTIMAL, Disclosure.FULL, Disclosure.NONE)) {
      if (d.json().equals(node.textValue())) {
        return d;
      }
    }
    issues.add(DISCLOSURE, "unknown value " + JsonInput.quote(node.textValue()), hint);
    return Disclosure.OPTIMAL;
  }

  /** A signal structure: the signal names in file order and pi(s | w) indexed [signal][state]. */
  private record Signal(List<String> names, List<List<BigFraction>> rows) {}

  private Signal readSignal(JsonNode node) {
    if (!in.expectObject(node, SIGNAL)) {
      return null;
    }
    if (node.isEmpty()) {
      issues.add(SIGNAL, "must list at least one signal");
      return null;
    }
    List<State> states = problem.statesGiven() ? problem.states() : null;
    int before = issues.count();
    List<String> names = new ArrayList<>();
    List<List<BigFraction>> rows = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String path = Issues.field(SIGNAL, e.getKey());
      if (e.getKey().isEmpty()) {
        issues.add(SIGNAL, "signal names must not be empty");
      }
      if (!in.expectObject(e.getValue(), path)) {
        continue;
      }
      BigFraction[] row = new BigFraction[states == null ? 0 : states.size()];
      Arrays.fill(row, BigFraction.ZERO);
      for (Map.Entry<String, JsonNode> p : e.getValue().properties()) {
        String at = Issues.field(path, p.getKey());
        BigFraction value = in.nonNegative(p.getValue(), at, "probability");
        if (states == null) {
          continue;
        }
        int w = stateIndex(states, p.getKey());
        if (w < 0) {
          issues.add(at, "unknown state " + JsonInput.quote(p.getKey()),
              "states: " + String.join(", ", states.stream().map(State::name).toList()));
        } else if (value != null) {
          row[w] = value;
        }
      }
      names.add(e.getKey());
      rows.add(Arrays.asList(row));
    }
    // Without usable states the names cannot be resolved; the missing states were reported already.
    if (issues.count() > before || states == null) {
      return null;
    }
    for (int w = 0; w < states.size(); w++) {
      BigFraction sum = BigFraction.ZERO;
      for (List<BigFraction> row : rows) {
        sum = sum.add(row.get(w));
      }
      if (!sum.equals(BigFraction.ONE)) {
        issues.add(SIGNAL, "the probabilities of state " + states.get(w).name() + " sum to " + JsonInput.ratio(sum)
            + ", expected 1");
      }
    }
    return issues.count() > before ? null : new Signal(names, rows);
  }

  private static int stateIndex(List<State> states, String name) {
    for (int w = 0; w < states.size(); w++) {
      if (states.get(w).name().equals(name)) {
        return w;
      }
    }
    return -1;
  }

  /** An integer field from 1 to {@code max}; numbers are exact, so "20" and 20.0 are 20 too. */
  private int integer(JsonNode node, String field, int fallback, int max) {
    JsonNode v = node.get(field);
    if (v == null) {
      return fallback;
    }
    Optional<BigFraction> f = JsonInput.parseNumber(v);
    boolean ok =
        f.isPresent()
            && f.get().getDenominator().equals(BigInteger.ONE)
            && f.get().compareTo(BigFraction.ONE) >= 0
            && f.get().compareTo(new BigFraction(max)) <= 0;
    if (!ok) {
      String got = f.isPresent() ? JsonInput.ratio(f.get()) : JsonInput.describe(v);
      issues.add(Issues.field(CALIBRATION, field), "expected an integer from 1 to " + max + ", got " + got);
      return fallback;
    }
    return f.get().intValue();
  }

  private boolean flag(JsonNode node, String field, boolean fallback) {
    JsonNode v = node.get(field);
    if (v == null) {
      return fallback;
    }
    Boolean b = in.bool(v, Issues.field(CALIBRATION, field));
    return b == null ? fallback : b;
  }
}
