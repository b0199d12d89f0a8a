package org.mechlp.cli.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Expectation;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.datadriven.DataDrivenExpectation;
import org.mechlp.model.DataDrivenFile;
import org.mechlp.model.DataDrivenProblem;
import org.mechlp.model.json.DataDrivenReader;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.certify.Ratios;
import org.mechlp.solver.datadriven.DataDrivenCheck;
import org.mechlp.solver.datadriven.DataDrivenChecker;
import org.mechlp.solver.datadriven.DataDrivenData;
import org.mechlp.solver.datadriven.DataDrivenReport;
import org.mechlp.solver.datadriven.DataDrivenRun;
import org.mechlp.solver.datadriven.DataDrivenSolver;
import org.mechlp.solver.datadriven.DataDrivenVcg;
import org.mechlp.solver.datadriven.EstimatorSequence;

/**
 * A data-driven problem file in a batch: solves the data-driven and message-driven LPs and compares them with the
 * expectation, then checks data-driven VCG's epsilon per agent (and along the estimator sequence) exactly.
 */
final class DataDrivenBatch {
  private DataDrivenBatch() {}

  static BatchResult run(Path file, String name, SolveOptions options, boolean exact, long start) {
    DataDrivenFile read;
    try {
      read = DataDrivenReader.readFile(file);
    } catch (InvalidInputException e) {
      String first = e.issues().isEmpty() ? "invalid" : e.issues().get(0).toString().replace('\n', ' ');
      return new BatchResult(file, name, BatchResult.Verdict.INVALID, null, null, 0, Double.NaN,
          System.nanoTime() - start, first);
    } catch (IOException e) {
      return new BatchResult(file, name, BatchResult.Verdict.INVALID, null, null, 0, Double.NaN,
          System.nanoTime() - start, "cannot read: " + e.getMessage());
    }
    DataDrivenProblem problem = read.problem();
    String problemName = problem.problem().name();
    DataDrivenReport report;
    try {
      report = DataDrivenSolver.solve(problem, options, exact);
    } catch (IllegalArgumentException e) {
      return new BatchResult(file, problemName, BatchResult.Verdict.INVALID, null, null, 0, Double.NaN,
          System.nanoTime() - start, e.getMessage());
    }
    DataDrivenRun dd = report.dataDriven();
    List<String> differences = new ArrayList<>();
    Expectation expected = read.expectation();
    if (expected != null) {
      String d = exact && dd.exactObjective() != null
          ? BatchRunner.exactDifference(expected, dd.status(), dd.exactObjective())
          : BatchRunner.difference(expected, dd.status(), dd.objective());
      if (d != null) {
        differences.add(d);
      }
    }
    DataDrivenExpectation extra = read.dataDriven();
    if (extra != null) {
      compareMessageDriven(extra, report.messageDriven(), differences);
      if (extra.vcgH() != null) {
        DataDrivenData data = new DataDrivenData(problem);
        DataDrivenCheck check =
            DataDrivenChecker.check(data, DataDrivenVcg.build(data, DataDrivenVcg.H.fromJson(extra.vcgH())), 0);
        compareGains("VCG", extra.vcgEpsilon(), check.gains().stream()
            .map(g -> Map.entry(g.agent(), g.epsilon())).toList(), differences);
      }
      if (!extra.sequence().isEmpty()) {
        List<Integer> sizes = extra.sequence().stream().map(DataDrivenExpectation.SequencePoint::samples).toList();
        List<EstimatorSequence.Point> points = EstimatorSequence.run(problem, sizes, DataDrivenVcg.H.ZERO);
        for (int k = 0; k < points.size(); k++) {
          List<Map.Entry<String, BigFraction>> got = new ArrayList<>();
          for (int i = 0; i < problem.problem().agentCount(); i++) {
            got.add(Map.entry(problem.problem().agents().get(i).name(), points.get(k).epsilon()[i]));
          }
          compareGains("N = " + sizes.get(k), extra.sequence().get(k).epsilon(), got, differences);
        }
      }
    }
    BatchResult.Verdict verdict;
    String detail;
    if (exact && dd.status().name().equals("OPTIMAL") && (dd.certification() == null
        || !dd.certification().certified())) {
      verdict = BatchResult.Verdict.FAILED;
      detail = "not certified";
    } else if (!differences.isEmpty()) {
      verdict = BatchResult.Verdict.MISMATCH;
      detail = String.join("; ", differences);
    } else if (expected == null && dd.status().exitCode() == 4) {
      verdict = BatchResult.Verdict.FAILED;
      detail = dd.message();
    } else {
      verdict = BatchResult.Verdict.OK;
      detail = expected == null ? "no expectation" : "data-driven; message-driven " + report.messageDriven().status();
    }
    double violation = dd.verification() == null ? Double.NaN : dd.verification().maxViolation();
    boolean certified = dd.certification() != null && dd.certification().certified();
    return new BatchResult(file, problemName, verdict, dd.status().name(), dd.objective(), dd.size().rows(),
        violation, System.nanoTime() - start, detail,
        exact ? (certified || dd.status().name().equals("INFEASIBLE") ? BatchResult.CERTIFIED
            : BatchResult.NOT_CERTIFIED) : null,
        exact ? dd.exactObjective() : null);
  }

  private static void compareMessageDriven(DataDrivenExpectation extra, DataDrivenRun md, List<String> out) {
    if (extra.messageDrivenStatus() == null) {
      return;
    }
    if (!extra.messageDrivenStatus().equals(md.status().name())) {
      out.add("expected message-driven status " + extra.messageDrivenStatus() + ", got " + md.status());
      return;
    }
    BigFraction want = extra.messageDrivenObjective();
    if (want != null && (md.objective() == null || Math.abs(md.objective() - want.doubleValue()) > 1e-7)) {
      out.add("expected message-driven objective " + Ratios.ratio(want) + ", got " + md.objective());
    }
  }

  private static void compareGains(String label, Map<String, BigFraction> want,
      List<Map.Entry<String, BigFraction>> got, List<String> out) {
    for (Map.Entry<String, BigFraction> g : got) {
      BigFraction w = want.get(g.getKey());
      if (w != null && w.compareTo(g.getValue()) != 0) {
        out.add(label + ": expected epsilon of " + g.getKey() + " " + Ratios.ratio(w) + " exactly, got "
            + Ratios.ratio(g.getValue()));
      }
    }
  }
}
