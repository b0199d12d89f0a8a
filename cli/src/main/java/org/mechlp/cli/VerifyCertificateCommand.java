package org.mechlp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;
import org.mechlp.solver.StrategyPlanner;
import org.mechlp.solver.calibrated.CalibratedLps;
import org.mechlp.solver.calibrated.CalibratedSolver;
import org.mechlp.solver.certify.CertificateCheck;
import org.mechlp.solver.certify.CertificateChecker;
import org.mechlp.solver.certify.FarkasCheck;
import org.mechlp.solver.certify.IcFeasibilityFilter;
import org.mechlp.solver.certify.SparseCheck;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.certify.FarkasChecker;
import org.mechlp.solver.certify.Ratios;
import org.mechlp.solver.certify.io.CalibratedCertificateFile;
import org.mechlp.solver.certify.io.CertificateFile;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.lp.LinearProgram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mechlp verify-certificate}: re-checks a certificate written by {@code solve --exact --certificate} in exact
 * arithmetic, without any LP solver: it recompiles the problem's LP, maps the certificate's names to columns and
 * rows, and checks primal feasibility, dual feasibility and equal objectives.
 */
@Command(
    name = "verify-certificate",
    mixinStandardHelpOptions = true,
    description = {
      "Check a certificate written by solve --exact --certificate, in exact arithmetic and without an LP solver.",
      "An optimality certificate holds a primal point and duals: the check proves that the point satisfies every"
          + " constraint, the duals every dual constraint, and that the two objectives are equal, which proves"
          + " the stated value optimal.",
      "An infeasibility certificate (\"kind\": \"infeasibility\", from solve --exact on an infeasible problem)"
          + " holds Farkas multipliers: the check combines the rows into one that no point within the column"
          + " bounds satisfies.",
      "A certificate of another problem (its SHA-256 differs from the problem file's) is refused first.",
      "Exit code 0 whenever the certificate is valid, whatever it proves; 3 when it is rejected."
    },
    footer = {
      "%nExamples:",
      "  mechlp solve instances/myerson-ironing.json --exact --certificate cert.json",
      "  mechlp verify-certificate instances/myerson-ironing.json cert.json",
      ExitCodes.FOOTER
    })
final class VerifyCertificateCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "PROBLEM.json",
      description = "The problem file the certificate is for; - reads it from standard input.")
  Path problemFile;

  @Parameters(
      index = "1",
      paramLabel = "CERT.json",
      description = "The certificate (format mechlp-certificate/1); - reads it from standard input.")
  Path certificateFile;

  @Option(
      names = "--ignore-hash",
      description = "Check the certificate even when the problem file's SHA-256 differs from the one it records.")
  boolean ignoreHash;

  @Option(
      names = "--max-lp-rows",
      paramLabel = "N",
      description =
          "Refuse, before rebuilding it, an LP with more rows than this (exit code 4) (default: ${DEFAULT-VALUE}).",
      defaultValue = "2000000")
  long maxLpRows;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Inputs.requireOneStdin("PROBLEM.json and CERT.json", problemFile, certificateFile);
    byte[] problemBytes = Inputs.bytes(problemFile);
    String text = readCertificate();
    boolean infeasibility = kind(text).equals(CertificateFile.KIND_INFEASIBILITY);
    // Before anything else: a certificate of another problem would otherwise fail on a missing row or column name.
    requireHash(text, problemBytes);
    Problem problem = Inputs.problem(problemFile);
    if (!infeasibility && !problem.isCalibrated() && sparse(text)) {
      return verifySparse(text, problem);
    }
    var refusal = StrategyPlanner.verificationRefusal(problem, maxLpRows);
    if (refusal.isPresent()) {
      spec.commandLine().getErr().println(refusal.get());
      return ExitCodes.SOLVER_FAILURE;
    }
    if (infeasibility && problem.isCalibrated()) {
      throw new BadInputException(
          Inputs.name(certificateFile)
              + ": $.kind: infeasibility certificates are written for standard problems only");
    }
    CalibratedLps.Rebuilt calibrated = problem.isCalibrated() ? calibratedLp(problem, text) : null;
    LinearProgram lp = calibrated != null ? calibrated.program() : LpCompiler.compile(problem).lp();
    if (infeasibility) {
      return verifyInfeasibility(text, lp);
    }
    CertificateFile.Parsed parsed;
    try {
      parsed = CertificateFile.read(text, lp);
    } catch (CertificateFile.FormatException e) {
      throw new BadInputException(Inputs.name(certificateFile) + ": " + e.getMessage());
    }
    CertificateCheck check = CertificateChecker.check(lp, parsed.certificate());
    if (check.valid() && calibrated != null) {
      spec.commandLine().getOut().println(calibratedValid(calibrated, check));
      return ExitCodes.YES;
    }
    if (check.valid()) {
      spec.commandLine()
          .getOut()
          .println(
              "certificate valid: optimal value "
                  + Ratios.ratio(check.primalObjective())
                  + " ("
                  + check.rowsChecked()
                  + " rows and columns checked in exact arithmetic)");
      return ExitCodes.YES;
    }
    return rejected(check.summary(), check.failureCount(), check.failedDescription());
  }

  private boolean sparse(String text) throws BadInputException {
    try {
      return CertificateFile.isSparse(text);
    } catch (CertificateFile.FormatException e) {
      throw new BadInputException(Inputs.name(certificateFile) + ": " + e.getMessage());
    }
  }

  /**
   * Checks a certificate with row keys (from a lazily certified solve) without rebuilding the full LP: the incentive
   * rows are proven by a float filter with exact arithmetic where a row is near tight, the other rows are streamed
   * exactly, and only the rows with a non-zero dual are built.
   */
  private int verifySparse(String text, Problem problem) throws BadInputException {
    CompiledProblem compiled = LpCompiler.compile(problem);
    LinearProgram lp = compiled.lp();
    Map<ConstraintFamily, IcFeasibilityFilter> filters = IcFeasibilityFilter.all(lp.families(), compiled.variables());
    long streamed = 0;
    for (ConstraintFamily family : lp.families()) {
      streamed += filters.containsKey(family) ? 0 : family.rowCount();
    }
    if (streamed > maxLpRows) {
      spec.commandLine().getErr().println(String.format(Locale.ROOT,
          "%s: %,d rows would be checked one by one in exact arithmetic, over the limit of %,d rows"
              + " (--max-lp-rows)", problem.name(), streamed, maxLpRows));
      return ExitCodes.SOLVER_FAILURE;
    }
    CertificateFile.SparseParsed parsed;
    try {
      parsed = CertificateFile.readSparse(text, lp, filters.keySet());
    } catch (CertificateFile.FormatException e) {
      throw new BadInputException(Inputs.name(certificateFile) + ": " + e.getMessage());
    }
    SparseCheck result = CertificateChecker.check(lp, parsed.certificate(), filters, 10);
    CertificateCheck check = result.check();
    if (check.valid()) {
      spec.commandLine()
          .getOut()
          .println(String.format(Locale.ROOT,
              "certificate valid: optimal value %s (%,d rows and columns checked: %,d incentive rows by a"
                  + " floating-point filter with a proven error bound and %,d near-tight comparisons in exact"
                  + " arithmetic, the others in exact arithmetic; %,d non-zero duals)",
              Ratios.ratio(check.primalObjective()), check.rowsChecked(), result.filteredRows(),
              result.exactPairs(), parsed.certificate().duals().size()));
      return ExitCodes.YES;
    }
    return rejected(check.summary(), check.failureCount(), check.failedDescription());
  }

  /** The calibrated main LP the certificate names (rebuilt from the problem file and its posteriors). */
  private CalibratedLps.Rebuilt calibratedLp(Problem problem, String text) throws BadInputException {
    CalibratedCertificateFile.LpSpec lpSpec;
    try {
      lpSpec = CalibratedCertificateFile.read(text, problem);
    } catch (CertificateFile.FormatException e) {
      throw new BadInputException(Inputs.name(certificateFile) + ": " + e.getMessage());
    }
    try {
      return CalibratedSolver.rebuildMainLp(problem, lpSpec.lp(), lpSpec.posteriors());
    } catch (IllegalArgumentException e) {
      String path = e.getMessage().startsWith("the certificate is for") ? "$.lp" : "$.posteriors";
      throw new BadInputException(Inputs.name(certificateFile) + ": " + path + ": " + e.getMessage());
    }
  }

  private static String calibratedValid(CalibratedLps.Rebuilt lp, CertificateCheck check) {
    String which =
        CalibratedLps.GRID.equals(lp.kind())
            ? "the " + lp.kind() + " LP over " + lp.candidatePosteriors() + " candidate posteriors"
            : "the " + lp.kind() + " LP";
    return "certificate valid: "
        + which
        + " has optimal value "
        + Ratios.ratio(check.primalObjective().multiply(lp.sign()))
        + " ("
        + check.rowsChecked()
        + " rows and columns checked in exact arithmetic)";
  }

  private String kind(String text) throws BadInputException {
    try {
      return CertificateFile.kind(text);
    } catch (CertificateFile.FormatException e) {
      throw new BadInputException(Inputs.name(certificateFile) + ": " + e.getMessage());
    }
  }

  /** Checks a Farkas certificate: exit 0 when it proves the problem infeasible, 3 when it is rejected. */
  private int verifyInfeasibility(String text, LinearProgram lp) throws BadInputException {
    CertificateFile.ParsedInfeasibility parsed;
    try {
      parsed = CertificateFile.readInfeasibility(text, lp);
    } catch (CertificateFile.FormatException e) {
      throw new BadInputException(Inputs.name(certificateFile) + ": " + e.getMessage());
    }
    FarkasCheck check = FarkasChecker.check(lp, parsed.certificate());
    if (check.valid()) {
      spec.commandLine()
          .getOut()
          .println(
              "certificate valid: the problem is infeasible ("
                  + check.nonZeros()
                  + " Farkas multipliers combine the rows into one whose left-hand side is at least "
                  + Ratios.ratio(check.combinedMinimum())
                  + " within the column bounds but must be at most "
                  + Ratios.ratio(check.combinedRhs())
                  + "; "
                  + check.rowsChecked()
                  + " rows and columns checked in exact arithmetic)");
      return ExitCodes.YES;
    }
    return rejected(check.summary(), check.failureCount(), check.failedDescription());
  }

  /** Prints why a certificate was rejected (the first failure, the row it concerns) and returns exit code 3. */
  private int rejected(String summary, long failureCount, String failedDescription) {
    String more = failureCount > 1 ? " (" + failureCount + " failures in all)" : "";
    spec.commandLine().getOut().println("certificate rejected: " + summary + more);
    if (failedDescription != null) {
      spec.commandLine().getOut().println("  the row: " + failedDescription);
    }
    return ExitCodes.NO;
  }

  /**
   * Refuses a certificate whose recorded SHA-256 is not the problem file's (exit 2), or only warns under
   * {@code --ignore-hash}.
   */
  private void requireHash(String certificateText, byte[] problemBytes) throws BadInputException {
    JsonNode recordedNode;
    JsonNode recordedName;
    try {
      JsonNode root = new ObjectMapper().readTree(certificateText);
      recordedNode = root.get("problemSha256");
      recordedName = root.get("problem");
    } catch (IOException e) {
      throw new BadInputException(Inputs.name(certificateFile) + ": not JSON: " + e.getMessage());
    }
    String recorded = recordedNode != null && recordedNode.isTextual() ? recordedNode.asText() : null;
    String hash = CertificateFile.sha256(problemBytes);
    if (hash.equals(recorded)) {
      return;
    }
    String forProblem =
        recordedName != null && recordedName.isTextual() ? " (\"" + recordedName.asText() + "\")" : "";
    String certificate = Inputs.name(certificateFile);
    String message =
        recorded == null
            ? certificate + ": $.problemSha256: missing, so the certificate does not say which problem it is for"
            : certificate + ": certificate is for a different problem" + forProblem + ": $.problemSha256 is "
                + recorded + ", but " + Inputs.name(problemFile) + " has SHA-256 " + hash;
    if (!ignoreHash) {
      throw new BadInputException(message + " (use --ignore-hash to check it anyway)");
    }
    spec.commandLine().getErr().println("warning: " + message);
  }

  /** The certificate's text, read with the limits of every input file (size, UTF-8, named byte offset). */
  private String readCertificate() throws BadInputException, InvalidInputException {
    return Inputs.text(certificateFile);
  }
}
