package org.mechlp.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Expectation;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Issue;
import org.mechlp.model.Problem;
import org.mechlp.model.State;
import org.mechlp.model.TypeProfiles;
import org.mechlp.model.ValueFunction;
import org.mechlp.model.datadriven.AffineUtilities;
import org.mechlp.model.datadriven.ClickSampling;
import org.mechlp.model.datadriven.DataDrivenExpectation;
import org.mechlp.model.DataDrivenFile;
import org.mechlp.model.DataDrivenProblem;
import org.mechlp.model.datadriven.DataDrivenSpec;
import org.mechlp.model.datadriven.Equilibrium;
import org.mechlp.model.datadriven.Estimate;
import org.mechlp.model.datadriven.Estimator;

/**
 * Reads the data-driven parts of a problem file: the {@code "estimator"} block, the {@code "equilibrium"} and the
 * data-driven fields of {@code "expect"}. The rest of the file is read by {@link ProblemParser} first, so every
 * reference to a state or an outcome here is checked against a valid problem.
 */
final class DataDrivenParser {
  static final String EQUILIBRIUM = "equilibrium";
  private static final String EST = DataDrivenReader.ESTIMATOR;
  private static final List<String> EXPECT_EXTRA = List.of("messageDriven", "vcg", "sequence");

  private final String source;
  private final String defaultName;
  private final Issues issues;
  private final JsonInput in;

  DataDrivenParser(String source, String defaultName) {
    this.source = source;
    this.defaultName = defaultName;
    this.issues = new Issues(source);
    this.in = new JsonInput(issues);
  }

  DataDrivenFile parse(ObjectNode root) throws InvalidInputException {
    ObjectNode base = root.deepCopy();
    base.remove(EST);
    base.remove(EQUILIBRIUM);
    JsonNode expect = root.get("expect");
    if (expect != null && expect.isObject()) {
      ((ObjectNode) base.get("expect")).remove(EXPECT_EXTRA);
    }
    JsonNode mechanism = root.get("mechanism");
    if (mechanism != null && mechanism.isObject() && mechanism.has("constraints")) {
      // The data-driven LP has its own rows (transfers per estimate); custom rows would be silently dropped.
      issues.add("mechanism.constraints", "custom constraints are not supported for data-driven problems",
          "remove \"constraints\"");
      ((ObjectNode) base.get("mechanism")).remove("constraints");
    }
    if (mechanism != null && mechanism.isObject() && mechanism.has("ic")) {
      issues.add("mechanism.ic", "a data-driven problem states its solution concept in \"equilibrium\"",
          "remove \"ic\" and give \"equilibrium\": \"posterior\", \"bayes\" or \"expost\"");
      ((ObjectNode) base.get("mechanism")).remove("ic");
      // Ex post IC in the standard sense would also be checked against the values; the data-driven IC replaces it.
      ((ObjectNode) base.get("mechanism")).put("ic", "bic");
    } else if (mechanism != null && mechanism.isObject()) {
      ((ObjectNode) base.get("mechanism")).put("ic", "bic");
    } else if (mechanism == null) {
      base.putObject("mechanism").put("ic", "bic");
    }
    if (PairedTypes.uses(root)) {
      new PairedTypes(issues, in).expand(base);
      issues.throwIfAny();
    }
    ProblemParser standard = new ProblemParser(source, defaultName);
    Problem problem;
    try {
      problem = standard.parse(base);
    } catch (InvalidInputException e) {
      List<Issue> all = new ArrayList<>(e.issues());
      try {
        issues.throwIfAny();
      } catch (InvalidInputException mine) {
        all.addAll(0, mine.issues());
      }
      throw new InvalidInputException(source, all);
    }
    Equilibrium equilibrium = readEquilibrium(root.get(EQUILIBRIUM));
    if (!problem.statesGiven()) {
      issues.add("states", "missing: a data-driven problem needs the states the estimator is about");
      issues.throwIfAny();
    }
    Estimator estimator = readEstimator(root.get(EST), problem);
    AffineUtilities affine =
        estimator != null && estimator.isAffine() ? fitAffine(problem, estimator.phi()) : null;
    DataDrivenExpectation extra =
        expect != null && expect.isObject() ? readExpectation(expect, problem) : null;
    issues.throwIfAny();
    Expectation expectation = standard.expectation();
    Problem withSpec = problem.withDataDriven(new DataDrivenSpec(estimator, equilibrium, affine));
    return new DataDrivenFile(new DataDrivenProblem(withSpec, estimator, equilibrium, affine), expectation, extra);
  }

  private Equilibrium readEquilibrium(JsonNode node) {
    if (node == null) {
      return Equilibrium.POSTERIOR;
    }
    String name = in.text(node, EQUILIBRIUM);
    if (name == null) {
      return Equilibrium.POSTERIOR;
    }
    Equilibrium e = Equilibrium.fromJson(name);
    if (e == null) {
      issues.add(EQUILIBRIUM, "unknown equilibrium " + JsonInput.quote(name), "one of: posterior, bayes, expost");
      return Equilibrium.POSTERIOR;
    }
    return e;
  }

  private Estimator readEstimator(JsonNode node, Problem problem) {
    List<Estimate> stateEstimates = ClickSampling.estimates(problem.states().stream().map(State::name).toList());
    if (node.isTextual()) {
      if (node.textValue().equals("fullRevelation")) {
        return Estimator.fullRevelation(stateEstimates, problem.outcomeCount());
      }
      issues.add(EST, "unknown estimator " + JsonInput.quote(node.textValue()),
          "\"fullRevelation\", or an object with \"estimates\" and \"likelihood\", or with \"clickSampling\"");
      return null;
    }
    if (!in.expectObject(node, EST)) {
      return null;
    }
    if (node.has("clickSampling")) {
      in.checkFields(node, EST, List.of("clickSampling"));
      ClickSampling sampling = readClickSampling(node.get("clickSampling"), problem);
      return sampling == null ? null : Estimator.clickSampling(stateEstimates, sampling);
    }
    in.checkFields(node, EST, List.of("estimates", "likelihood", "affine"));
    int before = issues.count();
    List<Estimate> estimates = readEstimates(node.get("estimates"), problem);
    if (estimates == null) {
      if (!node.has("likelihood")) {
        issues.add(Issues.field(EST, "likelihood"), "missing required field");
      }
      return null;
    }
    BigFraction[][][] g = readLikelihood(node.get("likelihood"), problem, estimates);
    BigFraction[][] phi = null;
    if (node.has("affine")) {
      phi = readPhi(node.get("affine"), problem, estimates);
    }
    if (issues.count() > before || g == null) {
      return null;
    }
    return new Estimator(Estimator.Kind.FINITE, estimates, g, Estimator.differs(g), phi, null);
  }

  private List<Estimate> readEstimates(JsonNode node, Problem problem) {
    String path = Issues.field(EST, "estimates");
    if (node == null) {
      issues.add(path, "missing required field");
      return null;
    }
    if (!in.expectArray(node, path)) {
      return null;
    }
    if (node.isEmpty()) {
      issues.add(path, "must list at least one estimate");
      return null;
    }
    int before = issues.count();
    List<Estimate> list = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int e = 0; e < node.size(); e++) {
      String at = Issues.index(path, e);
      JsonNode entry = node.get(e);
      String name;
      BigFraction value = null;
      int state = -1;
      if (entry.isTextual()) {
        name = in.name(entry, at);
      } else if (entry.isObject()) {
        in.checkFields(entry, at, List.of("name", "value", "state"));
        if (!entry.has("name")) {
          issues.add(Issues.field(at, "name"), "missing required field");
          continue;
        }
        name = in.name(entry.get("name"), Issues.field(at, "name"));
        if (entry.has("value")) {
          value = in.number(entry.get("value"), Issues.field(at, "value"));
        }
        if (entry.has("state")) {
          state = stateIndex(entry.get("state"), Issues.field(at, "state"), problem);
        }
      } else {
        issues.add(at, "expected a name or an object with a \"name\", got " + JsonInput.describe(entry));
        continue;
      }
      if (name == null) {
        continue;
      }
      Integer previous = seen.putIfAbsent(name, e);
      if (previous != null) {
        issues.add(at, "duplicate estimate " + JsonInput.quote(name) + " (also " + Issues.index(path, previous) + ")");
        continue;
      }
      list.add(new Estimate(name, value, state));
    }
    return issues.count() > before ? null : list;
  }

  /**
   * The likelihood g(estimate | state, outcome): one entry per state, or per (state, outcome) when the law depends
   * on the outcome. Each entry's probabilities must sum to exactly 1.
   */
  private BigFraction[][][] readLikelihood(JsonNode node, Problem problem, List<Estimate> estimates) {
    String path = Issues.field(EST, "likelihood");
    if (node == null) {
      issues.add(path, "missing required field");
      return null;
    }
    if (!in.expectArray(node, path)) {
      return null;
    }
    int outcomes = problem.outcomeCount();
    int states = problem.stateCount();
    BigFraction[][][] g = new BigFraction[outcomes][states][];
    String[][] givenAt = new String[outcomes][states];
    int before = issues.count();
    for (int k = 0; k < node.size(); k++) {
      String at = Issues.index(path, k);
      JsonNode entry = node.get(k);
      if (!in.expectObject(entry, at)) {
        continue;
      }
      in.checkFields(entry, at, List.of("state", "outcome", "p"));
      int state = entry.has("state") ? stateIndex(entry.get("state"), Issues.field(at, "state"), problem) : -2;
      if (state == -2) {
        issues.add(Issues.field(at, "state"), "missing required field");
      }
      int outcome = -1;
      if (entry.has("outcome")) {
        outcome = outcomeIndex(entry.get("outcome"), Issues.field(at, "outcome"), problem);
        if (outcome < 0) {
          continue;
        }
      }
      BigFraction[] p = readDistribution(entry.get("p"), Issues.field(at, "p"), estimates);
      if (state < 0 || p == null) {
        continue;
      }
      int from = outcome < 0 ? 0 : outcome;
      int to = outcome < 0 ? outcomes : outcome + 1;
      for (int x = from; x < to; x++) {
        if (givenAt[x][state] != null) {
          issues.add(at, "duplicate entry for state " + JsonInput.quote(problem.states().get(state).name())
              + " and outcome " + JsonInput.quote(problem.outcomes().get(x).name()) + " (also " + givenAt[x][state]
              + ")");
          break;
        }
        givenAt[x][state] = at;
        g[x][state] = p;
      }
    }
    if (issues.count() > before) {
      return null;
    }
    for (int x = 0; x < outcomes; x++) {
      for (int w = 0; w < states; w++) {
        if (g[x][w] == null) {
          issues.add(path, "no entry for state " + JsonInput.quote(problem.states().get(w).name()) + " and outcome "
              + JsonInput.quote(problem.outcomes().get(x).name()),
              "give {\"state\": ..., \"p\": {...}} for every state (add \"outcome\" when the law depends on it)");
          return null;
        }
      }
    }
    return g;
  }

  private BigFraction[] readDistribution(JsonNode node, String path, List<Estimate> estimates) {
    if (node == null) {
      issues.add(path, "missing required field");
      return null;
    }
    return NamedDistribution.read(in, issues, node, path, "estimate",
        estimates.stream().map(Estimate::name).toList(), "estimates: " + names(estimates), false,
        "expected exactly 1 (a likelihood column)");
  }

  /** phi per state (same for every outcome), or per outcome and state. */
  private BigFraction[][] readPhi(JsonNode node, Problem problem, List<Estimate> estimates) {
    String path = Issues.field(EST, "affine");
    if (!in.expectObject(node, path)) {
      return null;
    }
    in.checkFields(node, path, List.of("phi"));
    String phiPath = Issues.field(path, "phi");
    JsonNode phiNode = node.get("phi");
    if (phiNode == null) {
      issues.add(phiPath, "missing required field");
      return null;
    }
    if (!in.expectObject(phiNode, phiPath)) {
      return null;
    }
    int before = issues.count();
    for (int e = 0; e < estimates.size(); e++) {
      if (estimates.get(e).value() == null) {
        issues.add(Issues.index(Issues.field(EST, "estimates"), e),
            "an affine estimator needs a numeric \"value\" for every estimate");
      }
    }
    int outcomes = problem.outcomeCount();
    BigFraction[][] phi = new BigFraction[outcomes][];
    boolean perOutcome = phiNode.size() > 0 && problem.outcomeIndex(phiNode.fieldNames().next()) >= 0;
    if (perOutcome) {
      for (Map.Entry<String, JsonNode> e : JsonInput.entries(phiNode)) {
        int x = problem.outcomeIndex(e.getKey());
        String at = Issues.field(phiPath, e.getKey());
        if (x < 0) {
          issues.add(at, "unknown outcome " + JsonInput.quote(e.getKey()), "outcomes: " + outcomeNames(problem));
          continue;
        }
        phi[x] = readStateValues(e.getValue(), at, problem);
      }
      for (int x = 0; x < outcomes; x++) {
        if (phi[x] == null && issues.count() == before) {
          issues.add(phiPath, "no phi for outcome " + JsonInput.quote(problem.outcomes().get(x).name()));
        }
      }
    } else {
      BigFraction[] common = readStateValues(phiNode, phiPath, problem);
      Arrays.fill(phi, common);
    }
    return issues.count() > before ? null : phi;
  }

  private BigFraction[] readStateValues(JsonNode node, String path, Problem problem) {
    if (!in.expectObject(node, path)) {
      return null;
    }
    int before = issues.count();
    BigFraction[] values = new BigFraction[problem.stateCount()];
    for (Map.Entry<String, JsonNode> e : JsonInput.entries(node)) {
      String at = Issues.field(path, e.getKey());
      int w = stateIndex(problem, e.getKey());
      if (w < 0) {
        issues.add(at, "unknown state " + JsonInput.quote(e.getKey()), "states: " + stateNames(problem));
        continue;
      }
      values[w] = in.number(e.getValue(), at);
    }
    for (int w = 0; w < values.length; w++) {
      if (values[w] == null && issues.count() == before) {
        issues.add(path, "no value for state " + JsonInput.quote(problem.states().get(w).name()));
      }
    }
    return issues.count() > before ? null : values;
  }

  /**
   * Writes every party's utility as a + b * phi_x(state) and reports a utility that is not affine in phi (the
   * affine map is then inconsistent with the utilities).
   */
  private AffineUtilities fitAffine(Problem problem, BigFraction[][] phi) {
    TypeProfiles profiles = problem.profiles();
    int parties = problem.agentCount() + 1;
    int outcomes = problem.outcomeCount();
    BigFraction[][][] a = new BigFraction[parties][profiles.count()][outcomes];
    BigFraction[][][] b = new BigFraction[parties][profiles.count()][outcomes];
    String path = Issues.field(Issues.field(EST, "affine"), "phi");
    for (int j = 0; j < parties; j++) {
      ValueFunction v = j < problem.agentCount() ? problem.valuations().get(j) : problem.designerValue();
      for (int t = 0; t < profiles.count(); t++) {
        for (int x = 0; x < outcomes; x++) {
          if (v == null) {
            a[j][t][x] = BigFraction.ZERO;
            b[j][t][x] = BigFraction.ZERO;
            continue;
          }
          BigFraction[] f = phi[x];
          int first = 0;
          int second = -1;
          for (int w = 1; w < f.length && second < 0; w++) {
            if (!f[w].equals(f[first])) {
              second = w;
            }
          }
          BigFraction u0 = v.value(x, t, first, profiles);
          BigFraction slope = second < 0
              ? BigFraction.ZERO
              : v.value(x, t, second, profiles).subtract(u0).divide(f[second].subtract(f[first]));
          BigFraction intercept = u0.subtract(slope.multiply(f[first]));
          for (int w = 0; w < f.length; w++) {
            BigFraction predicted = intercept.add(slope.multiply(f[w]));
            BigFraction actual = v.value(x, t, w, profiles);
            if (!predicted.equals(actual)) {
              String party = j < problem.agentCount() ? "agent " + problem.agents().get(j).name() : "the designer";
              issues.add(path, "not consistent with the utilities: " + party + "'s value of outcome "
                  + JsonInput.quote(problem.outcomes().get(x).name()) + " at " + problem.describeProfile(t, profiles)
                  + " is " + JsonInput.ratio(actual) + " in state " + JsonInput.quote(problem.states().get(w).name())
                  + ", but the affine map through the other states gives " + JsonInput.ratio(predicted),
                  "every utility must be a + b * phi(state) for the outcome's phi");
              return null;
            }
          }
          a[j][t][x] = intercept;
          b[j][t][x] = slope;
        }
      }
    }
    return new AffineUtilities(a, b);
  }

  private ClickSampling readClickSampling(JsonNode node, Problem problem) {
    String path = Issues.field(EST, "clickSampling");
    if (!in.expectObject(node, path)) {
      return null;
    }
    in.checkFields(node, path, List.of("rates", "samples"));
    int before = issues.count();
    int samples = 1;
    String samplesPath = Issues.field(path, "samples");
    if (!node.has("samples")) {
      issues.add(samplesPath, "missing required field");
    } else if (!node.get("samples").canConvertToInt() || !node.get("samples").isIntegralNumber()
        || node.get("samples").intValue() < 1 || node.get("samples").intValue() > 100_000) {
      issues.add(samplesPath, "expected a whole number from 1 to 100000, got "
          + JsonInput.describe(node.get("samples")));
    } else {
      samples = node.get("samples").intValue();
    }
    String ratesPath = Issues.field(path, "rates");
    JsonNode rates = node.get("rates");
    if (rates == null) {
      issues.add(ratesPath, "missing required field");
      return null;
    }
    if (!in.expectArray(rates, ratesPath)) {
      return null;
    }
    int outcomes = problem.outcomeCount();
    BigFraction[][] q = new BigFraction[outcomes][problem.stateCount()];
    for (int k = 0; k < rates.size(); k++) {
      String at = Issues.index(ratesPath, k);
      JsonNode entry = rates.get(k);
      if (!in.expectObject(entry, at)) {
        continue;
      }
      in.checkFields(entry, at, List.of("state", "outcome", "p"));
      int state = entry.has("state") ? stateIndex(entry.get("state"), Issues.field(at, "state"), problem) : -1;
      if (!entry.has("state")) {
        issues.add(Issues.field(at, "state"), "missing required field");
      }
      int outcome = entry.has("outcome") ? outcomeIndex(entry.get("outcome"), Issues.field(at, "outcome"), problem)
          : -1;
      BigFraction p = entry.has("p") ? in.nonNegative(entry.get("p"), Issues.field(at, "p"), "probability") : null;
      if (!entry.has("p")) {
        issues.add(Issues.field(at, "p"), "missing required field");
      } else if (p != null && p.compareTo(BigFraction.ONE) > 0) {
        issues.add(Issues.field(at, "p"), "a click probability above 1: " + JsonInput.ratio(p));
        p = null;
      }
      if (state < 0 || p == null || (entry.has("outcome") && outcome < 0)) {
        continue;
      }
      int from = outcome < 0 ? 0 : outcome;
      int to = outcome < 0 ? outcomes : outcome + 1;
      for (int x = from; x < to; x++) {
        if (q[x][state] != null) {
          issues.add(at, "duplicate rate for state " + JsonInput.quote(problem.states().get(state).name())
              + " and outcome " + JsonInput.quote(problem.outcomes().get(x).name()));
          break;
        }
        q[x][state] = p;
      }
    }
    if (issues.count() > before) {
      return null;
    }
    for (int x = 0; x < outcomes; x++) {
      for (int w = 0; w < q[x].length; w++) {
        if (q[x][w] == null) {
          issues.add(ratesPath, "no click rate for state " + JsonInput.quote(problem.states().get(w).name())
              + " and outcome " + JsonInput.quote(problem.outcomes().get(x).name()));
          return null;
        }
      }
    }
    return new ClickSampling(q, samples);
  }

  private DataDrivenExpectation readExpectation(JsonNode node, Problem problem) {
    String source = null;
    if (node.has("source")) {
      source = in.text(node.get("source"), "expect.source");
    }
    String mdStatus = null;
    BigFraction mdObjective = null;
    if (node.has("messageDriven")) {
      String path = "expect.messageDriven";
      JsonNode md = node.get("messageDriven");
      if (in.expectObject(md, path)) {
        in.checkFields(md, path, List.of("status", "objective"));
        mdStatus = md.has("status") ? in.text(md.get("status"), Issues.field(path, "status")) : "OPTIMAL";
        if (md.has("objective")) {
          mdObjective = in.number(md.get("objective"), Issues.field(path, "objective"));
        }
      }
    }
    String h = null;
    Map<String, BigFraction> epsilon = null;
    if (node.has("vcg")) {
      String path = "expect.vcg";
      JsonNode vcg = node.get("vcg");
      if (in.expectObject(vcg, path)) {
        in.checkFields(vcg, path, List.of("h", "epsilon"));
        h = vcg.has("h") ? in.text(vcg.get("h"), Issues.field(path, "h")) : "zero";
        if (h != null && !List.of("zero", "clarke").contains(h)) {
          issues.add(Issues.field(path, "h"), "unknown h " + JsonInput.quote(h), "zero or clarke");
        }
        epsilon = readAgentValues(vcg.get("epsilon"), Issues.field(path, "epsilon"), problem);
      }
    }
    List<DataDrivenExpectation.SequencePoint> sequence = new ArrayList<>();
    if (node.has("sequence")) {
      String path = "expect.sequence";
      JsonNode seq = node.get("sequence");
      if (in.expectArray(seq, path)) {
        for (int k = 0; k < seq.size(); k++) {
          String at = Issues.index(path, k);
          JsonNode entry = seq.get(k);
          if (!in.expectObject(entry, at)) {
            continue;
          }
          in.checkFields(entry, at, List.of("samples", "epsilon"));
          JsonNode n = entry.get("samples");
          if (n == null || !n.isIntegralNumber() || n.intValue() < 1) {
            issues.add(Issues.field(at, "samples"), "expected a whole number at least 1");
            continue;
          }
          Map<String, BigFraction> eps = readAgentValues(entry.get("epsilon"), Issues.field(at, "epsilon"), problem);
          if (eps != null) {
            sequence.add(new DataDrivenExpectation.SequencePoint(n.intValue(), eps));
          }
        }
      }
    }
    return new DataDrivenExpectation(source, mdStatus, mdObjective, h, epsilon, sequence);
  }

  private Map<String, BigFraction> readAgentValues(JsonNode node, String path, Problem problem) {
    if (node == null) {
      issues.add(path, "missing required field");
      return null;
    }
    if (!in.expectObject(node, path)) {
      return null;
    }
    Map<String, BigFraction> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : JsonInput.entries(node)) {
      String at = Issues.field(path, e.getKey());
      if (problem.agentIndex(e.getKey()) < 0) {
        issues.add(at, "unknown agent " + JsonInput.quote(e.getKey()));
        continue;
      }
      BigFraction v = in.nonNegative(e.getValue(), at, "gain");
      if (v != null) {
        values.put(e.getKey(), v);
      }
    }
    return values;
  }

  private int stateIndex(JsonNode node, String path, Problem problem) {
    String name = in.text(node, path);
    if (name == null) {
      return -1;
    }
    int w = stateIndex(problem, name);
    if (w < 0) {
      issues.add(path, "unknown state " + JsonInput.quote(name), "states: " + stateNames(problem));
    }
    return w;
  }

  private static int stateIndex(Problem problem, String name) {
    for (int w = 0; w < problem.stateCount(); w++) {
      if (problem.states().get(w).name().equals(name)) {
        return w;
      }
    }
    return -1;
  }

  private int outcomeIndex(JsonNode node, String path, Problem problem) {
    String name = in.text(node, path);
    if (name == null) {
      return -1;
    }
    int x = problem.outcomeIndex(name);
    if (x < 0) {
      issues.add(path, "unknown outcome " + JsonInput.quote(name), "outcomes: " + outcomeNames(problem));
    }
    return x;
  }

  private static String names(List<Estimate> estimates) {
    return String.join(", ", estimates.stream().map(Estimate::name).toList());
  }

  private static String stateNames(Problem problem) {
    return String.join(", ", problem.states().stream().map(State::name).toList());
  }

  private static String outcomeNames(Problem problem) {
    return String.join(", ", problem.outcomes().stream().map(o -> o.name()).toList());
  }
}
