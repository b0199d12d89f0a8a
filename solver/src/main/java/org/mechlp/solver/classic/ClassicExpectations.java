package org.mechlp.solver.classic;

import java.util.List;
import java.util.Optional;
import org.mechlp.model.BuiltinExpectation;
import org.mechlp.model.Fractions;
import org.mechlp.model.Problem;
import org.mechlp.solver.MechanismChecker;
import org.mechlp.solver.options.CheckOptions;
import org.mechlp.solver.report.CheckReport;

/**
 * Compares built-in mechanisms with a problem file's {@code expect.builtins}: each is built with the options the entry
 * names, checked against the problem's constraints, and its verdict, objective value and largest violation compared
 * exactly (the built-ins are exact).
 */
public final class ClassicExpectations {
  private ClassicExpectations() {}

  /** The options an entry names. */
  public static ClassicOptions options(BuiltinExpectation expected) {
    return ClassicOptions.defaults()
        .withReserve(expected.reserve())
        .withPrice(expected.price())
        .withOrder(expected.order())
        .withTieBreak(ClassicOptions.TieBreak.fromJson(expected.tieBreak()));
  }

  /**
   * What differs from {@code expected}, entry by entry (the first difference, with the entry's path), or empty when
   * every entry is met.
   *
   * @param tolerance the checks' tolerance (the check is exact; a row fails when its violation exceeds it)
   */
  public static Optional<String> difference(Problem problem, List<BuiltinExpectation> expected, double tolerance) {
    for (int k = 0; k < expected.size(); k++) {
      BuiltinExpectation e = expected.get(k);
      String at = "expect.builtins[" + k + "] (" + e.name() + ")";
      Optional<ClassicMechanism> m = ClassicMechanisms.named(e.name());
      if (m.isEmpty()) {
        return Optional.of(at + ": unknown built-in mechanism; built-ins: " + String.join(", ",
            ClassicMechanisms.names()));
      }
      BuiltMechanism built;
      try {
        built = m.get().build(problem, options(e));
      } catch (NotApplicableException ex) {
        return Optional.of(at + ": " + ex.getMessage());
      }
      CheckReport report = MechanismChecker.check(problem, built.mechanism(), new CheckOptions(tolerance, 0));
      String verdict = report.passed() ? "pass" : "fail";
      if (!verdict.equals(e.verdict())) {
        return Optional.of(at + ": expected its check to " + e.verdict() + ", it did " + verdict
            + (report.passed() ? "" : " (" + report.verification().violationCount() + " violated rows)"));
      }
      if (e.objective() != null && !e.objective().equals(report.exactObjective())) {
        return Optional.of(at + ": expected objective " + Fractions.format(e.objective()) + ", got "
            + Fractions.format(report.exactObjective()));
      }
      if (e.violation() != null && !e.violation().equals(report.verification().exactMaxViolation())) {
        return Optional.of(at + ": expected largest violation " + Fractions.format(e.violation()) + ", got "
            + Fractions.format(report.verification().exactMaxViolation()));
      }
    }
    return Optional.empty();
  }
}
