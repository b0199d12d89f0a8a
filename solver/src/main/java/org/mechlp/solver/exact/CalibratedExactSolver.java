package org.mechlp.solver.exact;

import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.certify.Certifier;
import org.mechlp.solver.certify.Ratios;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Problem;
import org.mechlp.solver.calibrated.CalibratedLps;
import org.mechlp.solver.calibrated.CalibratedReport;
import org.mechlp.solver.calibrated.CalibratedSolver;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.SolveStatus;

/**
 * {@code solve --exact} for calibrated problems: solves the calibrated LPs (the main one by disclosure mode and the
 * bracketing ones) with a simplex backend and certifies each optimum with {@link Certifier}. What is certified is
 * each LP's optimum; whether the main LP's optimum is the calibrated optimum is the report's exactness argument,
 * which for P1 against the standard bound is only accepted when both certified values are equal as fractions.
 */
public final class CalibratedExactSolver {
  private CalibratedExactSolver() {}

  /**
   * One LP's certification.
   *
   * @param kind which LP (a constant of {@link CalibratedLps})
   * @param certification the certification of the LP's optimum
   * @param value the certified optimum in the problem's sense (sign times the LP's), or null unless certified
   */
  public record CertifiedLp(String kind, Certification certification, BigFraction value) {
    /** Whether this LP's optimum is proven. */
    public boolean certified() {
      return certification.certified();
    }
  }

  /**
   * A calibrated solve with its certifications.
   *
   * @param report the calibrated report; its status is OPTIMAL only when the main LP is certified, NUMERICAL_FAILURE
   *     when certification failed
   * @param main the main LP's certification
   * @param mainProgram the main LP (for writing its certificate)
   * @param posteriors for the P1 grid LP its candidate posteriors in column order, else null
   * @param full full transparency's certification
   * @param none no disclosure's certification
   * @param standard the standard bound's certification, or null when not computed
   * @param deterministic the deterministic-rules LP's certification, or null when not computed
   * @param calibratedOptimum the calibrated optimum itself when proven (see {@code optimumReason}), else null
   * @param optimumReason why {@code calibratedOptimum} is the calibrated optimum, or what is proven instead
   */
  public record CalibratedExactReport(
      CalibratedReport report,
      CertifiedLp main,
      LinearProgram mainProgram,
      List<BigFraction[]> posteriors,
      CertifiedLp full,
      CertifiedLp none,
      CertifiedLp standard,
      CertifiedLp deterministic,
      BigFraction calibratedOptimum,
      String optimumReason) {
    /** The bracketing LPs' certifications that were computed: standard bound, full, none, deterministic rules. */
    public List<CertifiedLp> brackets() {
      List<CertifiedLp> out = new ArrayList<>();
      for (CertifiedLp c : new CertifiedLp[] {standard, full, none, deterministic}) {
        if (c != null) {
          out.add(c);
        }
      }
      return out;
    }
  }

  /** Solves and certifies with OR-Tools (GLOP unless CLP is asked for: both report a basis). */
  public static CalibratedExactReport solve(Problem problem, SolveOptions options) {
    SimplexSetup setup = SimplexSetup.of(options);
    return solve(problem, setup.options(), new OrToolsLpSolver(), setup.resolver(), setup.note());
  }

  /** Solves with {@code backend} and certifies every LP; {@code resolver} gives a second basis, or is null. */
  public static CalibratedExactReport solve(
      Problem problem,
      SolveOptions options,
      LpSolver backend,
      Function<LinearProgram, LpResult> resolver,
      String note) {
    CalibratedLps lps = CalibratedSolver.solveWithLps(problem, options, backend);
    Map<LinearProgram, CertifiedLp> done = new IdentityHashMap<>();
    CertifiedLp main = certify(lps.main(), lps.sign(), resolver, done);
    CertifiedLp full = certify(lps.full(), lps.sign(), resolver, done);
    CertifiedLp none = certify(lps.none(), lps.sign(), resolver, done);
    CertifiedLp standard = lps.standard() == null ? null : certify(lps.standard(), lps.sign(), resolver, done);
    CertifiedLp deterministic =
        lps.deterministic() == null ? null : certify(lps.deterministic(), lps.sign(), resolver, done);

    CalibratedReport report = lps.report();
    String message = join(note, report.message());
    BigFraction optimum = null;
    String reason;
    switch (main.certification().status()) {
      case CERTIFIED -> {
        report = report.withOutcome(SolveStatus.OPTIMAL, main.value().doubleValue(), report.exact(), message);
        if (!lps.exactnessNeedsStandardBound()) {
          optimum = report.exact() ? main.value() : null;
          reason = report.exact() ? "the certified LP value; " + report.exactness() : report.exactness();
        } else if (standard != null && standard.certified() && standard.value().equals(main.value())) {
          optimum = main.value();
          reason = "the certified grid value equals the certified standard BIC bound (docs/THEORY.md P4), which bounds"
              + " every calibrated value";
        } else {
          reason = bracket(problem, main, standard);
          if (report.exact()) {
            // Equal in floating point only: exactly the two differ (or the bound is not certified).
            report = report.withOutcome(report.status(), report.objective(), false, report.message());
          }
        }
      }
      case FAILED -> {
        report = report.withOutcome(SolveStatus.NUMERICAL_FAILURE, report.objective(), false,
            join(message, "certification failed: " + main.certification().reason()));
        reason = "not certified";
      }
      default -> {
        report = report.withOutcome(report.status(), report.objective(), report.exact(), message);
        reason = "not certified";
      }
    }
    return new CalibratedExactReport(
        report, main, lps.main().program(), lps.mainPosteriors(), full, none, standard, deterministic, optimum,
        reason);
  }

  /** What a certified P1 value and standard bound prove when they differ: the interval of the calibrated optimum. */
  private static String bracket(Problem problem, CertifiedLp main, CertifiedLp standard) {
    if (standard == null || !standard.certified()) {
      return "the certified value bounds the calibrated optimum; the standard BIC bound is not certified";
    }
    boolean max = problem.objective().maximize();
    BigFraction low = max ? main.value() : standard.value();
    BigFraction high = max ? standard.value() : main.value();
    return "the calibrated optimum lies in [" + Ratios.ratio(low) + ", " + Ratios.ratio(high) + "] (the certified"
        + " grid value and the certified standard BIC bound)";
  }

  private static CertifiedLp certify(
      CalibratedLps.SolvedLp solved,
      int sign,
      Function<LinearProgram, LpResult> resolver,
      Map<LinearProgram, CertifiedLp> done) {
    CertifiedLp earlier = done.get(solved.program());
    if (earlier != null) {
      return new CertifiedLp(solved.kind(), earlier.certification(), earlier.value());
    }
    LpResult result = solved.result();
    Certification certification;
    if (result.primal() == null || solved.status() != SolveStatus.OPTIMAL && result.basis() == null) {
      certification =
          Certification.notApplicable("the LP is " + solved.status() + ": there is no optimum to certify");
    } else {
      certification = Certifier.certify(solved.program(), result.basis(), resolver);
    }
    BigFraction value =
        certification.certified() ? certification.objective().multiply(new BigFraction(sign)) : null;
    CertifiedLp out = new CertifiedLp(solved.kind(), certification, value);
    done.put(solved.program(), out);
    return out;
  }

  private static String join(String a, String b) {
    if (a == null || a.isEmpty()) {
      return b == null ? "" : b;
    }
    return b == null || b.isEmpty() ? a : a + "; " + b;
  }
}
