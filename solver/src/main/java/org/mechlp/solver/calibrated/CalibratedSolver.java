package org.mechlp.solver.calibrated;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.CalibrationSpec;
import org.mechlp.model.Fractions;
import org.mechlp.model.Problem;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.LpSize;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.verify.VerifiedLp;

/**
 * Solves calibrated mechanism design problems (docs/THEORY.md, Calibrated LPs; several agents with a public signal). The designer discloses a
 * signal about the state and then applies a state-independent rule; IC and IR hold under the agent's posterior. The
 * problem's disclosure mode picks the LP: a given signal (P0), optimal disclosure over candidate posteriors (P1,
 * refined adaptively for two states), full transparency (P2) or none. Alongside, it always solves full
 * transparency, no disclosure and the standard BIC LP with a designer who knows the state (P4), which bracket the
 * calibrated optimum: max(full, none) <= calibrated <= standard (docs/THEORY.md, sandwich).
 */
public final class CalibratedSolver {
  /** Posteriors with less weight than this are not reported as signals. */
  private static final double USED = 1e-9;

  /** Refinement rounds around the used posteriors, for two states. */
  private static final int REFINEMENT_ROUNDS = 2;

  private CalibratedSolver() {}

  /** Solves {@code problem}, which must have a calibration block, with OR-Tools. */
  public static CalibratedReport solve(Problem problem, SolveOptions options) {
    return solve(problem, options, new OrToolsLpSolver());
  }

  /** Solves {@code problem} with the given backend. */
  public static CalibratedReport solve(Problem problem, SolveOptions options, LpSolver backend) {
    return solveWithLps(problem, options, backend).report();
  }

  /**
   * Solves {@code problem} like {@link #solve(Problem, SolveOptions, LpSolver)} and also returns every LP it ran
   * with the backend's result (and basis), so that each can be certified exactly.
   */
  public static CalibratedLps solveWithLps(Problem problem, SolveOptions options, LpSolver backend) {
    CalibrationSpec spec = problem.calibration();
    if (spec == null) {
      throw new IllegalArgumentException("problem " + problem.name() + " has no calibration block");
    }
    CalibratedData data = new CalibratedData(problem);
    Run full = runPosteriors(data, vertices(data), stateSignalNames(data), null, options, backend);
    List<BigFraction[]> priorOnly = new ArrayList<>();
    priorOnly.add(data.prior());
    Run none = runPosteriors(data, priorOnly, List.of("no-signal"), null, options, backend);
    // The standard bound (docs/THEORY.md P4); with several agents the same LP pooled from the state vertices
    // (docs/THEORY.md, Several agents: a public signal, "The standard bound").
    Run standard = runStandard(data, options, backend);

    // Deterministic stage-2 rules have an exact LP (docs/THEORY.md P3) when it applies: a second lower bound.
    Run deterministic =
        spec.disclosure() == CalibrationSpec.Disclosure.OPTIMAL
                && !data.privateValues()
                && DeterministicRulesLp.applies(data)
            ? runDeterministic(data, options, backend)
            : null;
    Run main;
    String exactness;
    boolean exact = true;
    String message = "";
    switch (spec.disclosure()) {
      case FULL -> {
        main = full;
        exactness = "exact for full transparency (docs/THEORY.md P2)" + publicSignal(data);
      }
      case NONE -> {
        main = none;
        exactness = "exact for no disclosure" + publicSignal(data);
      }
      case FIXED -> {
        main = runFixed(data, spec, options, backend);
        exactness = "exact for the given signal structure (docs/THEORY.md P0)" + publicSignal(data);
      }
      case OPTIMAL -> {
        main = runOptimal(data, spec, options, backend);
        message = main.note;
        if (data.agents > 1 && main.ok() && standard.ok()
            && close(main.value(data), standard.value(data), options)) {
          exactness =
              "exact: the best public-signal two-stage mechanism meets the standard BIC bound, which no calibrated"
                  + " mechanism can exceed (docs/THEORY.md, Several agents: a public signal)";
        } else if (data.agents > 1) {
          exact = false;
          exactness =
              String.format(
                  Locale.ROOT,
                  "%s bound: the best public-signal two-stage mechanism over %d candidate posteriors; with several"
                      + " agents this class is sufficient, not necessary, for calibration (docs/THEORY.md, Several"
                      + " agents: a public signal); the calibrated optimum lies between it and the standard BIC"
                      + " bound",
                  data.sign > 0 ? "lower" : "upper",
                  main.layout.count());
        } else if (data.privateValues()) {
          exactness =
              "exact: with private values full transparency is optimal (docs/THEORY.md T2), and every vertex is a"
                  + " candidate posterior";
        } else if (main.ok() && standard.ok() && close(main.value(data), standard.value(data), options)) {
          exactness =
              "exact: equals the standard BIC bound, which no calibrated mechanism can exceed (docs/THEORY.md,"
                  + " sandwich)";
        } else {
          exact = false;
          String side = data.sign > 0 ? "lower" : "upper";
          exactness =
              String.format(
                  Locale.ROOT,
                  "%s bound: the best two-stage mechanism over %d candidate posteriors; the calibrated optimum lies"
                      + " between it and the standard BIC bound",
                  side,
                  main.layout.count());
          if (deterministic != null && deterministic.ok()) {
            exactness +=
                String.format(
                    Locale.ROOT,
                    "; with deterministic rules the exact optimum is %.10g (docs/THEORY.md P3)",
                    deterministic.value(data));
          }
        }
      }
      default -> throw new IllegalStateException("unknown disclosure " + spec.disclosure());
    }
    List<SignalRule> signals = new ArrayList<>();
    double[][] structure = new double[0][];
    if (main.lp.result().primal() != null) {
      List<double[]> rows = new ArrayList<>();
      double[] x = main.lp.result().primal();
      PosteriorLayout layout = main.layout;
      for (int g = 0; g < layout.count(); g++) {
        double weight = x[layout.weight(g)];
        if (weight <= USED) {
          continue;
        }
        // Grid posteriors get their signal names (s1, s2, ...) in order of use; given signals keep their own.
        String name =
            spec.disclosure() == CalibrationSpec.Disclosure.OPTIMAL
                ? "s" + (signals.size() + 1)
                : layout.names.get(g);
        signals.add(decode(data, layout, g, x, name));
        double[] pi = new double[data.states];
        BigFraction[] mu = layout.posteriors.get(g);
        for (int w = 0; w < data.states; w++) {
          double prior = data.statePrior[w].doubleValue();
          pi[w] = prior == 0 ? 0 : weight * mu[w].doubleValue() / prior;
        }
        rows.add(pi);
      }
      structure = rows.toArray(new double[0][]);
    }
    if (data.agents > 1 && spec.disclosure() != CalibrationSpec.Disclosure.OPTIMAL) {
      // Only a sufficient class: a given disclosure's value is exact for that disclosure, not the calibrated optimum
      // (docs/THEORY.md, Several agents: a public signal).
      exact = false;
    }
    String combined = join(message, main.lp.message());
    CalibratedReport report = new CalibratedReport(
        problem,
        main.lp.status(),
        main.value(data),
        exact && main.ok(),
        exactness,
        signals,
        structure,
        full.value(data),
        none.value(data),
        standard == null ? null : standard.value(data),
        deterministic == null ? null : deterministic.value(data),
        new LpSize(main.program.rowCount(), main.program.columnCount(), main.lp.result().nonZeros()),
        main.layout.count(),
        main.lp.verification(),
        main.lp.result().solverName(),
        main.buildNanos,
        main.solveNanos,
        main.lp.verifyNanos(),
        combined);
    boolean exactByStandard = spec.disclosure() == CalibrationSpec.Disclosure.OPTIMAL
        && (data.agents > 1 || !data.privateValues());
    return new CalibratedLps(
        report,
        data.sign,
        main.solved(mainKind(spec.disclosure())),
        spec.disclosure() == CalibrationSpec.Disclosure.OPTIMAL ? main.layout.posteriors : null,
        full.solved(CalibratedLps.FULL),
        none.solved(CalibratedLps.NONE),
        standard == null ? null : standard.solved(CalibratedLps.STANDARD),
        deterministic == null ? null : deterministic.solved(CalibratedLps.DETERMINISTIC),
        exactByStandard);
  }

  private static String mainKind(CalibrationSpec.Disclosure disclosure) {
    return switch (disclosure) {
      case FULL -> CalibratedLps.FULL;
      case NONE -> CalibratedLps.NONE;
      case FIXED -> CalibratedLps.SIGNAL;
      case OPTIMAL -> CalibratedLps.GRID;
    };
  }

  /**
   * Rebuilds, without solving, the main LP of {@code problem} that {@link #solveWithLps} solved, so that a
   * certificate for it can be checked with no solver: the kind must match the problem's disclosure mode, and the
   * P1 grid LP needs the candidate posteriors it was solved over (the adaptive refinement picks them from
   * floating-point solves), in order.
   *
   * @throws IllegalArgumentException when the kind does not match the problem or the posteriors are not
   *     distributions over the problem's states
   */
  public static CalibratedLps.Rebuilt rebuildMainLp(Problem problem, String kind, List<BigFraction[]> posteriors) {
    CalibrationSpec spec = problem.calibration();
    if (spec == null) {
      throw new IllegalArgumentException("problem " + problem.name() + " has no calibration block");
    }
    String expected = mainKind(spec.disclosure());
    if (!expected.equals(kind)) {
      throw new IllegalArgumentException(
          "the certificate is for the " + kind + " LP, but the problem's disclosure \"" + spec.disclosure().json()
              + "\" makes its main LP the " + expected + " LP");
    }
    CalibratedData data = new CalibratedData(problem);
    PosteriorLayout layout;
    List<BigFraction> weights = null;
    switch (spec.disclosure()) {
      case FULL -> layout = new PosteriorLayout(data, vertices(data), stateSignalNames(data));
      case NONE -> layout = new PosteriorLayout(data, List.<BigFraction[]>of(data.prior()), List.of("no-signal"));
      case FIXED -> {
        FixedSignal fixed = fixedSignal(data, spec);
        layout = new PosteriorLayout(data, fixed.posteriors, fixed.names);
        weights = fixed.weights;
      }
      case OPTIMAL -> {
        if (posteriors == null || posteriors.isEmpty()) {
          throw new IllegalArgumentException("the " + kind + " LP needs its candidate posteriors");
        }
        for (int g = 0; g < posteriors.size(); g++) {
          requireDistribution(data, posteriors.get(g), g);
        }
        layout = new PosteriorLayout(data, posteriors, gridNames(posteriors.size()));
      }
      default -> throw new IllegalStateException("unknown disclosure " + spec.disclosure());
    }
    return new CalibratedLps.Rebuilt(kind, PosteriorLp.build(layout, weights), data.sign, layout.count());
  }

  private static void requireDistribution(CalibratedData data, BigFraction[] mu, int g) {
    if (mu.length != data.states) {
      throw new IllegalArgumentException(
          "posterior " + g + " has " + mu.length + " coordinates; the problem has " + data.states + " states");
    }
    BigFraction sum = BigFraction.ZERO;
    for (BigFraction p : mu) {
      if (p.compareTo(BigFraction.ZERO) < 0) {
        throw new IllegalArgumentException("posterior " + g + " has a negative probability " + p);
      }
      sum = sum.add(p);
    }
    if (!sum.equals(BigFraction.ONE)) {
      throw new IllegalArgumentException("posterior " + g + " sums to " + Fractions.format(sum) + ", not 1");
    }
  }

  /** One solved LP with its layout (null for P4 and P3). */
  private record Run(
      PosteriorLayout layout,
      LinearProgram program,
      VerifiedLp lp,
      long buildNanos,
      long solveNanos,
      String note) {
    boolean ok() {
      return lp.status() == SolveStatus.OPTIMAL;
    }

    CalibratedLps.SolvedLp solved(String kind) {
      return new CalibratedLps.SolvedLp(kind, program, lp.result(), lp.status());
    }

    /** The value in the problem's sense (the LPs always maximize), or null without an optimum. */
    Double value(CalibratedData data) {
      return ok() ? data.sign * lp.objective() : null;
    }
  }

  private static Run runPosteriors(
      CalibratedData data,
      List<BigFraction[]> posteriors,
      List<String> names,
      List<BigFraction> fixedWeights,
      SolveOptions options,
      LpSolver backend) {
    long start = System.nanoTime();
    PosteriorLayout layout = new PosteriorLayout(data, posteriors, names);
    LinearProgram lp = PosteriorLp.build(layout, fixedWeights);
    long built = System.nanoTime() - start;
    VerifiedLp solved = VerifiedLp.solve(lp, backend, options, data.agents);
    return new Run(
        layout, lp, solved, built + solved.result().buildNanos(), solved.result().solveNanos(), "");
  }

  private static Run runStandard(CalibratedData data, SolveOptions options, LpSolver backend) {
    long start = System.nanoTime();
    LinearProgram lp = data.agents == 1 ? StateContingentLp.build(data) : StandardBoundLp.build(data);
    long built = System.nanoTime() - start;
    VerifiedLp solved = VerifiedLp.solve(lp, backend, options, data.agents);
    return new Run(null, lp, solved, built + solved.result().buildNanos(), solved.result().solveNanos(), "");
  }

  private static Run runDeterministic(CalibratedData data, SolveOptions options, LpSolver backend) {
    long start = System.nanoTime();
    LinearProgram lp = DeterministicRulesLp.build(data);
    long built = System.nanoTime() - start;
    VerifiedLp solved = VerifiedLp.solve(lp, backend, options, 1);
    return new Run(null, lp, solved, built + solved.result().buildNanos(), solved.result().solveNanos(), "");
  }

  private static Run runFixed(CalibratedData data, CalibrationSpec spec, SolveOptions options, LpSolver backend) {
    FixedSignal fixed = fixedSignal(data, spec);
    return runPosteriors(data, fixed.posteriors, fixed.names, fixed.weights, options, backend);
  }

  /** The posteriors a given signal induces (signals never sent dropped), their names and probabilities. */
  private record FixedSignal(List<BigFraction[]> posteriors, List<String> names, List<BigFraction> weights) {}

  private static FixedSignal fixedSignal(CalibratedData data, CalibrationSpec spec) {
    List<BigFraction[]> posteriors = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<BigFraction> weights = new ArrayList<>();
    for (int s = 0; s < spec.signalNames().size(); s++) {
      List<BigFraction> pi = spec.signal().get(s);
      BigFraction weight = BigFraction.ZERO;
      for (int w = 0; w < data.states; w++) {
        weight = weight.add(data.statePrior[w].multiply(pi.get(w)));
      }
      if (Fractions.isZero(weight)) {
        // A signal that is never sent induces no posterior and carries no rule.
        continue;
      }
      BigFraction[] mu = new BigFraction[data.states];
      for (int w = 0; w < data.states; w++) {
        mu[w] = data.statePrior[w].multiply(pi.get(w)).divide(weight);
      }
      posteriors.add(mu);
      names.add(spec.signalNames().get(s));
      weights.add(weight);
    }
    return new FixedSignal(posteriors, names, weights);
  }

  private static Run runOptimal(CalibratedData data, CalibrationSpec spec, SolveOptions options, LpSolver backend) {
    List<BigFraction[]> candidates =
        PosteriorGrid.candidates(data.prior(), spec.gridResolution(), spec.maxDenominator());
    Run run = runPosteriors(data, candidates, gridNames(candidates.size()), null, options, backend);
    if (!spec.adaptive() || data.states != 2 || !run.ok()) {
      return run;
    }
    // Two states: refine around the posteriors that carry weight, at ten times the resolution each round.
    long extraBuild = 0;
    long extraSolve = 0;
    int rounds = 0;
    BigFraction step = new BigFraction(1, spec.gridResolution() * 10);
    for (int round = 0; round < REFINEMENT_ROUNDS; round++) {
      List<BigFraction[]> used = new ArrayList<>();
      double[] x = run.lp.result().primal();
      for (int g = 0; g < run.layout.count(); g++) {
        if (x[run.layout.weight(g)] > USED) {
          used.add(run.layout.posteriors.get(g));
        }
      }
      Set<List<BigFraction>> all = new LinkedHashSet<>();
      for (BigFraction[] p : candidates) {
        all.add(List.of(p));
      }
      int before = all.size();
      for (BigFraction[] p : PosteriorGrid.refineTwoStates(used, step, 10)) {
        all.add(List.of(p));
      }
      if (all.size() == before) {
        break;
      }
      List<BigFraction[]> refined = new ArrayList<>();
      for (List<BigFraction> p : all) {
        refined.add(p.toArray(new BigFraction[0]));
      }
      Run next = runPosteriors(data, refined, gridNames(refined.size()), null, options, backend);
      if (!next.ok()) {
        break;
      }
      extraBuild += run.buildNanos;
      extraSolve += run.solveNanos;
      rounds++;
      boolean improved = next.lp.objective() > run.lp.objective() + options.tolerance();
      candidates = refined;
      run = next;
      if (!improved) {
        break;
      }
      step = step.divide(10);
    }
    String note =
        rounds == 0
            ? ""
            : String.format(
                Locale.ROOT,
                "refined the grid around the used posteriors %d time%s (%d candidates)",
                rounds,
                rounds == 1 ? "" : "s",
                run.layout.count());
    return new Run(
        run.layout, run.program, run.lp, run.buildNanos + extraBuild, run.solveNanos + extraSolve, note);
  }

  private static SignalRule decode(
      CalibratedData data, PosteriorLayout layout, int g, double[] x, String name) {
    double weight = x[layout.weight(g)];
    double[] posterior = new double[data.states];
    BigFraction[] mu = layout.posteriors.get(g);
    for (int w = 0; w < data.states; w++) {
      posterior[w] = mu[w].doubleValue();
    }
    double[][] allocation = new double[data.types][data.outcomes];
    double[] transfers = new double[data.types * data.agents];
    for (int t = 0; t < data.types; t++) {
      for (int o = 0; o < data.outcomes; o++) {
        allocation[t][o] = x[layout.allocation(g, t, o)] / weight;
      }
      if (data.transfers) {
        for (int i = 0; i < data.agents; i++) {
          transfers[t * data.agents + i] = x[layout.transfer(g, t, i)] / weight;
        }
      }
    }
    return new SignalRule(name, weight, posterior, allocation, transfers);
  }

  private static List<BigFraction[]> vertices(CalibratedData data) {
    List<BigFraction[]> result = new ArrayList<>();
    for (int w = 0; w < data.states; w++) {
      if (!Fractions.isZero(data.statePrior[w])) {
        result.add(PosteriorGrid.vertex(data.states, w));
      }
    }
    return result;
  }

  private static List<String> stateSignalNames(CalibratedData data) {
    List<String> names = new ArrayList<>();
    for (int w = 0; w < data.states; w++) {
      if (!Fractions.isZero(data.statePrior[w])) {
        names.add("state-" + data.stateName(w));
      }
    }
    return names;
  }

  private static List<String> gridNames(int count) {
    List<String> names = new ArrayList<>(count);
    for (int g = 0; g < count; g++) {
      names.add("g" + (g + 1));
    }
    return names;
  }

  private static String publicSignal(CalibratedData data) {
    return data.agents == 1
        ? ""
        : ", a public signal to " + data.agents + " agents (docs/THEORY.md, Several agents: a public signal)";
  }

  private static boolean close(Double a, Double b, SolveOptions options) {
    return a != null && b != null && Math.abs(a - b) <= options.tolerance() * Math.max(1, Math.abs(b));
  }

  private static String join(String a, String b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isEmpty() ? a : a + "; " + b;
  }
}
