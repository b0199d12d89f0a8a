package org.mechlp.cli;

import org.mechlp.solver.lp.BackendSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The LP backend options shared by solve, batch and bench ({@code @Mixin}). */
final class BackendOptions {
  @Option(
      names = "--solver",
      paramLabel = "NAME",
      defaultValue = "glop",
      completionCandidates = Completions.Solvers.class,
      description =
          "LP backend: glop, pdlp, highs, clp, scip, cpsat (cpsat: --deterministic only) (default: ${DEFAULT-VALUE}).")
  String solver;

  @Option(
      names = "--time-limit",
      paramLabel = "SECONDS",
      description =
          "Stop solving this many seconds after the command starts: reading, compiling and every LP solve share"
              + " it (in a batch, each problem gets the whole limit). Default 3600; each backend also has an"
              + " iteration cap. The report says which limit stopped it (exit code 4, status TIME_LIMIT).")
  Double timeLimit;

  /** The backend settings, or a usage error naming the bad option. */
  BackendSettings settings(CommandSpec spec) {
    return SolveCommand.Options.settings(spec, solver, timeLimit);
  }
}
