package org.mechlp.cli.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.cli.render.Numbers;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.reduced.DiscreteMyerson;
import org.mechlp.solver.reduced.ReducedFormReport;
import org.mechlp.solver.reduced.ReducedFormSolver;
import org.mechlp.solver.report.SolveStatus;

/**
 * Times the reduced form ({@code bench --reduced}) on i.i.d. BIC auctions whose full LP is out of reach (6 bidders
 * x 10 values: 10^6 profiles), next to the exact discrete Myerson revenue E[max φ̄^+] as an independent check.
 */
public final class ReducedBench {
  private final BackendSettings settings;
  private final PrintWriter progress;

  /** A bench solving with {@code settings}, printing progress to {@code progress}. */
  public ReducedBench(BackendSettings settings, PrintWriter progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /** One measured instance; {@code agrees} says whether the revenue is the closed form's to 1e-9. */
  public record Result(
      String instance,
      long profiles,
      long wallNanos,
      int rounds,
      int cuts,
      Double revenue,
      BigFraction myerson,
      boolean agrees,
      SolveStatus status) {}

  /** The default series: 6 bidders with 10 values (the benchmark) and smaller companions. */
  public static List<int[]> series(boolean quick) {
    return quick ? List.of(new int[] {3, 10}) : List.of(new int[] {3, 10}, new int[] {6, 10}, new int[] {8, 10});
  }

  /** Solves each (n, k) auction by its reduced form. */
  public List<Result> run(List<int[]> sizes) throws InvalidInputException {
    OrToolsLpSolver.loadNativeLibraries();
    List<Result> results = new ArrayList<>();
    for (int[] size : sizes) {
      int n = size[0];
      int k = size[1];
      BenchInstance instance = BenchInstance.auctionBic(n, k);
      progress.println("bench: solving " + instance.name() + " by its reduced form ...");
      progress.flush();
      long start = System.nanoTime();
      Problem problem = ProblemReader.read(instance.json(), instance.name());
      ReducedFormReport r = ReducedFormSolver.solve(problem, new SolveOptions(settings, 1e-6, 0),
          new OrToolsLpSolver());
      long wall = System.nanoTime() - start;
      BigFraction[] values = new BigFraction[k];
      BigFraction[] probabilities = new BigFraction[k];
      for (int j = 0; j < k; j++) {
        values[j] = new BigFraction(j + 1, k);
        probabilities[j] = new BigFraction(1, k);
      }
      BigFraction myerson = DiscreteMyerson.iidRevenue(values, probabilities, n);
      boolean agrees = r.objective() != null && Math.abs(r.objective() - myerson.doubleValue()) <= 1e-9;
      results.add(new Result(instance.name(), Math.round(Math.pow(k, n)), wall, r.rounds(), r.borderCuts(),
          r.objective(), myerson, agrees, r.status()));
    }
    return results;
  }

  /** The results as a Markdown table. */
  public static String markdown(List<Result> results) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "| instance | profiles | wall ms | rounds | Border cuts | revenue | Myerson E[max φ̄^+] | agrees"
            + " | status |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---|---|\n");
    for (Result r : results) {
      sb.append("| ").append(r.instance())
          .append(" | ").append(r.profiles())
          .append(" | ").append(Numbers.millis(r.wallNanos()))
          .append(" | ").append(r.rounds())
          .append(" | ").append(r.cuts())
          .append(" | ").append(r.revenue() == null ? "-" : String.format(Locale.ROOT, "%.12f", r.revenue()))
          .append(" | ").append(Numbers.exact(r.myerson())).append(" = ")
          .append(String.format(Locale.ROOT, "%.12f", r.myerson().doubleValue()))
          .append(" | ").append(r.agrees() ? "yes" : "NO")
          .append(" | ").append(r.status().name())
          .append(" |\n");
    }
    return sb.toString();
  }
}
