package org.mechlp.solver.report;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Agent;
import org.mechlp.model.CredibleRegion;
import org.mechlp.model.Fractions;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Objective;
import org.mechlp.model.Prior;
import org.mechlp.model.PriorSet;
import org.mechlp.model.Problem;
import org.mechlp.model.RobustKind;
import org.mechlp.model.SampleCounts;
import org.mechlp.model.TypeRef;
import org.mechlp.solver.families.EpigraphFamily;
import org.mechlp.solver.families.VariableIndex;

/**
 * How a mechanism fares under each prior of a robust objective, or for each type of a Rawlsian one, and the sample
 * counts a prior came from (docs/OUTPUT.md, Robust and Rawlsian objectives). Recomputed from the mechanism itself,
 * exactly when the mechanism is exact, not read from the solver.
 *
 * @param kind {@code maxmin}, {@code regret} or {@code rawlsian}, or {@code counts} when only counts are echoed
 * @param priors one line per prior that scores the objective, in the set's order (empty for counts alone)
 * @param counts the sample counts per counted agent, with their empirical law (empty when none)
 * @param confidence the confidence level the credible region's radii come from, or null
 */
public record RobustSummary(
    String kind, List<PriorValue> priors, List<AgentCounts> counts, BigFraction confidence) {
  /** Two values this close (relative to their size) are tied for the worst. */
  private static final double TIE = 1e-9;

  public RobustSummary {
    priors = List.copyOf(priors);
    counts = List.copyOf(counts);
  }

  /**
   * One prior's line.
   *
   * @param prior the prior's name
   * @param law the prior in words: each agent's type law (independent priors) or "joint"
   * @param value the mechanism's expected objective under the prior (Rawlsian: the least interim utility under it)
   * @param exactValue the same, exactly, when the mechanism is exact; else null
   * @param ownOptimum for a regret objective, the prior's own optimum over the same constraints; else null
   * @param regret for a regret objective, own optimum minus value (value minus own optimum when minimizing)
   * @param worst whether this prior attains the worst case (the lowest value, the largest regret): a binding prior
   * @param leastTypes for a Rawlsian objective, the agent types whose interim utility is the least; else empty
   */
  public record PriorValue(
      String prior,
      String law,
      double value,
      BigFraction exactValue,
      BigFraction ownOptimum,
      Double regret,
      boolean worst,
      List<String> leastTypes) {}

  /**
   * One agent's counts.
   *
   * @param agent the agent's name
   * @param types the type names
   * @param counts the counts, in type order
   * @param law the empirical law, each count over the total, exactly
   * @param radius the L1 radius of its credible region, or null when the prior was not widened
   */
  public record AgentCounts(
      String agent, List<String> types, List<BigInteger> counts, List<BigFraction> law, BigFraction radius) {}

  /** The summary of {@code mechanism} for {@code problem}, or null when the problem has no robust part. */
  public static RobustSummary of(Problem given, Mechanism mechanism) {
    Problem problem = given;
    if (given.objective().robust() == RobustKind.REGRET && given.objective().benchmarks() == null) {
      // Without each prior's own optimum (a check of a regret problem) the worst-case values are shown instead.
      problem = given.withObjective(given.objective().withRobust(RobustKind.MAXMIN));
    }
    PriorSet set = problem.priors();
    List<AgentCounts> counts = counts(problem);
    VariableIndex variables = new VariableIndex(problem);
    boolean epigraph = variables.hasEpigraph();
    if (!epigraph && counts.isEmpty()) {
      return null;
    }
    BigFraction confidence = set.region() == null ? null : set.region().confidence();
    if (!epigraph || mechanism == null) {
      return new RobustSummary("counts", List.of(), counts, confidence);
    }
    Objective objective = problem.objective();
    EpigraphFamily family = new EpigraphFamily(problem, variables);
    List<int[]> keys = family.keys();
    List<BigFraction> exactPieces = mechanism.isExact() ? family.pieceValues(exactPoint(variables, mechanism)) : null;
    List<Double> pieces = family.pieceValues(point(variables, mechanism));
    String kind = objective.robust() == RobustKind.REGRET ? "regret" : objective.isRawlsian() ? "rawlsian" : "maxmin";
    // Per prior: the least piece (one piece unless Rawlsian), which types attain it.
    List<PriorValue> lines = new ArrayList<>();
    for (int k : set.scoring()) {
      double least = Double.POSITIVE_INFINITY;
      BigFraction exactLeast = null;
      for (int r = 0; r < keys.size(); r++) {
        if (keys.get(r)[0] == k) {
          least = Math.min(least, pieces.get(r));
          if (exactPieces != null && (exactLeast == null || exactPieces.get(r).compareTo(exactLeast) < 0)) {
            exactLeast = exactPieces.get(r);
          }
        }
      }
      List<String> leastTypes = new ArrayList<>();
      if (objective.isRawlsian()) {
        for (int r = 0; r < keys.size(); r++) {
          if (keys.get(r)[0] == k && tied(pieces.get(r), least)) {
            TypeRef t = objective.rawlsian().members().get(keys.get(r)[1]);
            Agent a = problem.agents().get(t.agent());
            leastTypes.add(a.name() + "=" + a.types().get(t.type()).name());
          }
        }
      }
      BigFraction own = objective.benchmarks() == null ? null : objective.benchmarks().get(k);
      Double regret = null;
      if (own != null) {
        regret = exactLeast != null
            ? (objective.maximize() ? own.subtract(exactLeast) : exactLeast.subtract(own)).doubleValue()
            : objective.maximize() ? own.doubleValue() - least : least - own.doubleValue();
      }
      lines.add(new PriorValue(set.name(k), law(problem, set.prior(k)), exactLeast != null ? exactLeast.doubleValue()
          : least, exactLeast, own, regret, false, leastTypes));
    }
    return new RobustSummary(kind, markWorst(lines, kind, objective.maximize()), counts, confidence);
  }

  /** The lines with the worst ones marked: the largest regret, else the lowest value (the highest when minimizing). */
  private static List<PriorValue> markWorst(List<PriorValue> lines, String kind, boolean maximize) {
    double worst = kind.equals("regret") ? Double.NEGATIVE_INFINITY : maximize ? Double.POSITIVE_INFINITY
        : Double.NEGATIVE_INFINITY;
    for (PriorValue l : lines) {
      double v = kind.equals("regret") ? l.regret() : l.value();
      worst = kind.equals("regret") || !maximize ? Math.max(worst, v) : Math.min(worst, v);
    }
    List<PriorValue> marked = new ArrayList<>();
    for (PriorValue l : lines) {
      double v = kind.equals("regret") ? l.regret() : l.value();
      marked.add(new PriorValue(l.prior(), l.law(), l.value(), l.exactValue(), l.ownOptimum(), l.regret(),
          tied(v, worst), l.leastTypes()));
    }
    return marked;
  }

  private static boolean tied(double a, double b) {
    return Math.abs(a - b) <= TIE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
  }

  private static List<AgentCounts> counts(Problem problem) {
    SampleCounts sample = problem.priors().counts();
    List<AgentCounts> list = new ArrayList<>();
    if (sample == null) {
      return list;
    }
    CredibleRegion region = problem.priors().region();
    for (int i = 0; i < problem.agentCount(); i++) {
      if (!sample.counted(i)) {
        continue;
      }
      Agent a = problem.agents().get(i);
      list.add(new AgentCounts(a.name(), a.types().stream().map(t -> t.name()).toList(), sample.perAgent().get(i),
          SampleCounts.normalize(sample.perAgent().get(i)), region == null ? null : region.radii().get(i)));
    }
    return list;
  }

  /** A prior in words: "buyer 1/2, 0, 1/2" per agent for independent types, else "joint". */
  private static String law(Problem problem, Prior prior) {
    if (!prior.isIndependent()) {
      return "joint";
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < problem.agentCount(); i++) {
      List<String> p = new ArrayList<>();
      for (int t = 0; t < problem.agents().get(i).typeCount(); t++) {
        p.add(Fractions.format(prior.typeProbability(i, t)));
      }
      parts.add(problem.agents().get(i).name() + " (" + String.join(", ", p) + ")");
    }
    return String.join("; ", parts);
  }

  private static double[] point(VariableIndex variables, Mechanism mechanism) {
    double[] x = new double[variables.columnCount()];
    int m = mechanism.outcomeCount();
    for (int p = 0; p < mechanism.profileCount(); p++) {
      for (int o = 0; o < m; o++) {
        x[variables.allocation(p, o)] = mechanism.allocation(p, o);
      }
      if (variables.hasTransfers()) {
        for (int i = 0; i < mechanism.agentCount(); i++) {
          x[variables.transfer(p, i)] = mechanism.transfer(p, i);
        }
      }
    }
    return x;
  }

  private static BigFraction[] exactPoint(VariableIndex variables, Mechanism mechanism) {
    BigFraction[] x = new BigFraction[variables.columnCount()];
    Arrays.fill(x, BigFraction.ZERO);
    int m = mechanism.outcomeCount();
    for (int p = 0; p < mechanism.profileCount(); p++) {
      for (int o = 0; o < m; o++) {
        x[variables.allocation(p, o)] = mechanism.exactAllocation(p, o);
      }
      if (variables.hasTransfers()) {
        for (int i = 0; i < mechanism.agentCount(); i++) {
          x[variables.transfer(p, i)] = mechanism.exactTransfer(p, i);
        }
      }
    }
    return x;
  }
}
