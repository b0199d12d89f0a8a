package org.mechlp.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Agent;
import org.mechlp.model.CredibleRegion;
import org.mechlp.model.L1Region;
import org.mechlp.model.Objective;
import org.mechlp.model.Prior;
import org.mechlp.model.PriorSet;
import org.mechlp.model.RobustKind;
import org.mechlp.model.SampleCounts;
import org.mechlp.model.TypeProfiles;

/**
 * Reads the priors of a robust problem (docs/FORMAT.md, Robust and Rawlsian objectives): a top-level {@code "prior":
 * {"set": [...]}}, per-agent {@code "counts"}, and the {@code "credibleRegion"} that widens counted priors into a set.
 */
final class RobustPriorParser {
  static final String COUNTS = "counts";
  static final String CREDIBLE_REGION = "credibleRegion";

  /** The most vertices one agent's credible region may have. */
  static final int MAX_VERTICES_PER_AGENT = 200;

  /** The most priors a widened set may have (the product of the agents' vertex counts). */
  static final int MAX_PRIORS = 1000;

  private final ProblemParser problem;
  private final Issues issues;
  private final JsonInput in;
  private final List<Agent> agents;
  private final List<List<BigInteger>> counts = new ArrayList<>();

  RobustPriorParser(ProblemParser problem) {
    this.problem = problem;
    this.issues = problem.issues();
    this.in = problem.in();
    this.agents = problem.agents();
    // Without agents (they had issues of their own) only the objective is cross-checked.
    for (int i = 0; agents != null && i < agents.size(); i++) {
      counts.add(null);
    }
  }

  /**
   * {@code {"set": [{"name": "low", "agents": {"a": [...], ...}}, {"name": "c", "joint": [...]}, ...]}}: the members,
   * or null after an issue. Each member is a full prior, independent (per agent) or joint, and sums to 1.
   */
  PriorSet readSet(JsonNode node, List<JsonNode> agentPriorNodes, List<JsonNode> agentCountNodes) {
    String path = "prior";
    int before = issues.count();
    in.checkFields(node, path, List.of("set"));
    for (int i = 0; i < agents.size(); i++) {
      String at = Issues.index("agents", i);
      if (agentPriorNodes.get(i) != null) {
        issues.add(Issues.field(at, "prior"), "not allowed together with the top-level \"prior\" set",
            "give every member of the set its own per-agent priors");
      }
      if (agentCountNodes.get(i) != null) {
        issues.add(Issues.field(at, COUNTS), "not allowed together with the top-level \"prior\" set",
            "counts are widened into a set by \"credibleRegion\" instead");
      }
    }
    if (problem.statesGiven()) {
      issues.add(path, "a set of priors is not supported for problems with states",
          "drop the states, or fold them into the agents' types");
      return null;
    }
    String setPath = Issues.field(path, "set");
    JsonNode set = node.get("set");
    if (set == null) {
      issues.add(setPath, "missing required field", "list the priors: \"set\": [{\"agents\": {...}}, ...]");
      return null;
    }
    if (!in.expectArray(set, setPath)) {
      return null;
    }
    if (set.isEmpty()) {
      issues.add(setPath, "must list at least one prior");
      return null;
    }
    TypeProfiles profiles = TypeProfiles.of(agents);
    List<String> names = new ArrayList<>();
    List<Prior> priors = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int k = 0; k < set.size(); k++) {
      String at = Issues.index(setPath, k);
      JsonNode member = set.get(k);
      if (!in.expectObject(member, at)) {
        continue;
      }
      in.checkFields(member, at, List.of("name", "agents", "joint"));
      String name = "prior" + (k + 1);
      if (member.has("name")) {
        name = in.name(member.get("name"), Issues.field(at, "name"));
      }
      if (name != null) {
        Integer previous = seen.putIfAbsent(name, k);
        if (previous != null) {
          issues.add(Issues.field(at, "name"), "duplicate prior name " + JsonInput.quote(name) + " (also "
              + Issues.index(setPath, previous) + ")");
        }
      }
      if (member.has("agents") == member.has("joint")) {
        issues.add(at, member.has("agents") ? "give only one of \"agents\", \"joint\""
            : "expected \"agents\" (a prior per agent) or \"joint\" (a joint prior over type profiles)");
        continue;
      }
      Prior prior = member.has("joint")
          ? problem.readJointPrior(member.get("joint"), Issues.field(at, "joint"), profiles)
          : readIndependent(member.get("agents"), Issues.field(at, "agents"), profiles);
      names.add(name);
      priors.add(prior);
    }
    if (issues.count() > before) {
      return null;
    }
    return new PriorSet(names, priors, null, null);
  }

  /** {@code {"agent": distribution, ...}} naming every agent once. */
  private Prior readIndependent(JsonNode node, String path, TypeProfiles profiles) {
    if (!in.expectObject(node, path)) {
      return null;
    }
    int before = issues.count();
    List<List<BigFraction>> laws = new ArrayList<>();
    for (int i = 0; i < agents.size(); i++) {
      laws.add(null);
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String at = Issues.field(path, e.getKey());
      int agent = ProfileRef.agentIndex(agents, e.getKey());
      if (agent < 0) {
        issues.add(at, "unknown agent", "known agents: " + ProfileRef.names(agents));
        continue;
      }
      laws.set(agent, problem.readDistribution(e.getValue(), at, agents.get(agent)));
    }
    for (int i = 0; i < agents.size(); i++) {
      if (!node.has(agents.get(i).name())) {
        issues.add(Issues.field(path, agents.get(i).name()), "missing: every member gives every agent's prior");
      }
    }
    if (issues.count() > before) {
      return null;
    }
    return Prior.independent(profiles, laws, List.of(BigFraction.ONE));
  }

  /**
   * An agent's {@code "counts"}: non-negative whole numbers, one per type (an array) or by type name (an object,
   * absent types 0), not all zero. Returns the empirical law, exactly, or null after an issue.
   */
  List<BigFraction> readCounts(JsonNode node, int agent) {
    Agent a = agents.get(agent);
    String path = Issues.field(Issues.index("agents", agent), COUNTS);
    int before = issues.count();
    BigInteger[] c = new BigInteger[a.typeCount()];
    Arrays.fill(c, BigInteger.ZERO);
    if (node.isArray()) {
      if (node.size() != a.typeCount()) {
        issues.add(path, "has " + node.size() + " entries, expected " + a.typeCount() + " (one per type)");
        return null;
      }
      for (int t = 0; t < c.length; t++) {
        c[t] = count(node.get(t), Issues.index(path, t));
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String at = Issues.field(path, e.getKey());
        int t = a.typeIndex(e.getKey());
        if (t < 0) {
          issues.add(at, "unknown type", "types of " + a.name() + ": " + ProfileRef.typeNames(a));
          continue;
        }
        c[t] = count(e.getValue(), at);
      }
    } else {
      issues.add(path, "expected an array or an object of counts, got " + JsonInput.describe(node));
      return null;
    }
    if (issues.count() > before) {
      return null;
    }
    List<BigInteger> list = Arrays.asList(c);
    if (list.stream().allMatch(x -> x.signum() == 0)) {
      issues.add(path, "every count is 0", "an empirical law needs at least one observation");
      return null;
    }
    counts.set(agent, list);
    return SampleCounts.normalize(list);
  }

  private BigInteger count(JsonNode node, String path) {
    BigFraction f = in.nonNegative(node, path, "count");
    if (f == null) {
      return BigInteger.ZERO;
    }
    if (!f.getDenominator().equals(BigInteger.ONE)) {
      issues.add(path, "expected a whole number of observations, got " + JsonInput.ratio(f));
      return BigInteger.ZERO;
    }
    return f.getNumerator();
  }

  /**
   * The problem's prior set once its prior is read: the set read from the file, or the single prior (with the counts
   * it came from), widened by the credible region when one is given.
   */
  PriorSet finish(Prior prior, PriorSet set, JsonNode regionNode) {
    boolean counted = counts.stream().anyMatch(c -> c != null);
    if (regionNode != null && !counted) {
      issues.add(CREDIBLE_REGION, "needs sample counts to widen",
          "give some agent's prior as \"counts\" (docs/FORMAT.md, Robust and Rawlsian objectives)");
      return set;
    }
    if (prior == null || set != null) {
      return set;
    }
    if (!counted) {
      return null;
    }
    SampleCounts sample = new SampleCounts(counts);
    if (regionNode == null) {
      return new PriorSet(List.of("empirical"), List.of(prior), sample, null);
    }
    CredibleRegion region = readRegion(regionNode, sample);
    if (region == null) {
      return null;
    }
    if (problem.statesGiven()) {
      issues.add(CREDIBLE_REGION, "a set of priors is not supported for problems with states",
          "drop the states, or fold them into the agents' types");
      return null;
    }
    return widen(prior, sample, region);
  }

  /** {@code {"kind": "l1", "radius": r}} or {@code {"kind": "l1", "confidence": c}}; kind defaults to l1. */
  private CredibleRegion readRegion(JsonNode node, SampleCounts sample) {
    String path = CREDIBLE_REGION;
    if (!in.expectObject(node, path)) {
      return null;
    }
    int before = issues.count();
    in.checkFields(node, path, List.of("kind", "radius", "confidence"));
    if (node.has("kind")) {
      String kind = in.text(node.get("kind"), Issues.field(path, "kind"));
      if (kind != null && !kind.equals("l1")) {
        issues.add(Issues.field(path, "kind"), "unknown region " + JsonInput.quote(kind), "one of: l1");
      }
    }
    if (node.has("radius") == node.has("confidence")) {
      issues.add(path, node.has("radius") ? "give only one of \"radius\", \"confidence\""
          : "expected \"radius\" (an L1 distance) or \"confidence\" (a level such as \"0.95\")");
      return null;
    }
    List<BigFraction> radii = new ArrayList<>();
    BigFraction confidence = null;
    if (node.has("radius")) {
      BigFraction r = in.nonNegative(node.get("radius"), Issues.field(path, "radius"), "radius");
      if (r != null && r.compareTo(BigFraction.TWO) > 0) {
        issues.add(Issues.field(path, "radius"), "radius " + JsonInput.ratio(r)
            + " exceeds 2, the largest L1 distance between two laws", "use 2 for every law");
      }
      for (int i = 0; i < agents.size(); i++) {
        radii.add(sample.counted(i) ? r : null);
      }
    } else {
      String at = Issues.field(path, "confidence");
      confidence = in.nonNegative(node.get("confidence"), at, "probability");
      if (confidence != null
          && (confidence.getNumerator().signum() <= 0 || confidence.compareTo(BigFraction.ONE) >= 0)) {
        issues.add(at, "confidence " + JsonInput.ratio(confidence) + " must lie strictly between 0 and 1");
      }
      if (issues.count() == before) {
        long counted = sample.perAgent().stream().filter(c -> c != null).count();
        // The union bound: each counted agent's law misses its ball with probability at most alpha / counted.
        double alpha = BigFraction.ONE.subtract(confidence).doubleValue() / counted;
        for (int i = 0; i < agents.size(); i++) {
          radii.add(sample.counted(i)
              ? L1Region.weissmanRadius(sample.total(i), agents.get(i).typeCount(), alpha) : null);
        }
      }
    }
    return issues.count() > before ? null : new CredibleRegion(confidence, radii);
  }

  /** The product over agents of each counted agent's ball vertices (other agents keep their prior). */
  private PriorSet widen(Prior prior, SampleCounts sample, CredibleRegion region) {
    List<List<List<BigFraction>>> choices = new ArrayList<>();
    long product = 1;
    for (int i = 0; i < agents.size(); i++) {
      List<BigFraction> law = new ArrayList<>();
      for (int t = 0; t < agents.get(i).typeCount(); t++) {
        law.add(prior.typeProbability(i, t));
      }
      List<List<BigFraction>> options;
      if (sample.counted(i)) {
        try {
          options = L1Region.vertices(law, region.radii().get(i), MAX_VERTICES_PER_AGENT);
        } catch (IllegalArgumentException e) {
          issues.add(CREDIBLE_REGION, "agent " + agents.get(i).name() + ": " + e.getMessage());
          return null;
        }
      } else {
        options = List.of(law);
      }
      choices.add(options);
      product *= options.size();
      if (product > MAX_PRIORS) {
        issues.add(CREDIBLE_REGION, "the region has more than " + MAX_PRIORS + " vertices (the product of the"
            + " agents' vertex counts), one prior and its rows each", "a smaller radius or fewer types");
        return null;
      }
    }
    TypeProfiles profiles = TypeProfiles.of(agents);
    List<String> names = new ArrayList<>();
    List<Prior> priors = new ArrayList<>();
    int[] pick = new int[agents.size()];
    for (int v = 0; v < product; v++) {
      int rest = v;
      for (int i = agents.size() - 1; i >= 0; i--) {
        pick[i] = rest % choices.get(i).size();
        rest /= choices.get(i).size();
      }
      List<List<BigFraction>> laws = new ArrayList<>();
      for (int i = 0; i < agents.size(); i++) {
        laws.add(choices.get(i).get(pick[i]));
      }
      names.add("vertex" + (v + 1));
      priors.add(Prior.independent(profiles, laws, List.of(BigFraction.ONE)));
    }
    // The empirical law leads as the reference prior (interim reports use it); it is never lower than the worst
    // vertex, so adding it leaves the max-min value unchanged.
    names.add(0, "empirical");
    priors.add(0, prior);
    return new PriorSet(names, priors, sample, region);
  }

  /**
   * Cross-checks the objective against the priors: a regret objective needs a set of priors, and calibrated problems
   * take neither a set of priors nor the Rawlsian or weighted objectives.
   */
  void checkObjective(JsonNode node, Objective objective, PriorSet set, boolean calibrated) {
    if (objective == null) {
      return;
    }
    boolean isSet = set != null && set.isSet();
    if (calibrated && set != null) {
      issues.add("prior", "counts and sets of priors are not supported for calibrated mechanisms");
    }
    if (calibrated && (objective.isRawlsian() || objective.welfareWeights() != null)) {
      issues.add("objective", "Rawlsian and weighted welfare objectives are not supported for calibrated mechanisms");
    }
    boolean robustGiven = node != null && node.isObject() && node.has(RobustObjectiveParser.ROBUST);
    if (robustGiven && !isSet) {
      issues.add(Issues.field("objective", RobustObjectiveParser.ROBUST), "needs a set of priors",
          "give \"prior\": {\"set\": [...]}, or counts widened by \"credibleRegion\"");
    }
    if (objective.robust() == RobustKind.REGRET && objective.isFeasibility()) {
      issues.add(Issues.field("objective", RobustObjectiveParser.ROBUST), "regret needs an objective to regret");
    }
  }
}
