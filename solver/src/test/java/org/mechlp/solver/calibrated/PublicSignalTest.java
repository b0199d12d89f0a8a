package org.mechlp.solver.calibrated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.SolveStatus;

/** Several agents and a public signal (docs/THEORY.md, Several agents: a public signal), reported as a sufficient
 * class, hence a lower bound.
 */
class PublicSignalTest {
  /**
   * Two bidders with values 1 or 2 (probability 1/2 each, independent of each other and of the state), one good,
   * and a state that nothing depends on: the signal is irrelevant, so every disclosure earns the standard optimum.
   */
  static Problem irrelevantState(String ic, String disclosure) throws Exception {
    return ProblemReader.read(
        """
        {"format": "mechlp/1",
         "agents": [
           {"name": "a", "types": [{"name": "lo", "value": 1}, {"name": "hi", "value": 2}], "prior": ["1/2", "1/2"]},
           {"name": "b", "types": [{"name": "lo", "value": 1}, {"name": "hi", "value": 2}], "prior": ["1/2", "1/2"]}],
         "states": [{"name": "L", "p": "1/3"}, {"name": "H", "p": "2/3"}],
         "outcomes": {"shortcut": "single-item"},
         "mechanism": {"ic": "%s", "ir": "interim"},
         "calibration": {"disclosure": "%s"}}
        """
            .formatted(ic, disclosure),
        "two-bidders");
  }

  @ParameterizedTest(name = "ic {0}, disclosure {1}")
  @CsvSource({"bic, optimal", "bic, full", "bic, none", "expost, optimal"})
  void anIrrelevantStateLeavesMyersonsRevenue(String ic, String disclosure) throws Exception {
    CalibratedReport report = CalibratedSolver.solve(irrelevantState(ic, disclosure), SolveOptions.defaults());

    // Myerson with values {1, 2} at 1/2 each: virtual values (0, 2), revenue 2 * P(some value is 2) = 2 * 3/4; with
    // independent private values the BIC and the posterior ex post (here DSIC) optima coincide.
    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.objective()).isCloseTo(1.5, within(1e-7));
    assertThat(report.fullTransparency()).isCloseTo(1.5, within(1e-7));
    assertThat(report.noDisclosure()).isCloseTo(1.5, within(1e-7));
    // The state carries no information, so the standard bound (the designer knows the state) is Myerson's 3/2 too,
    // and optimal disclosure meets it: exact. A given disclosure's value is exact for that disclosure only.
    assertThat(report.standardBound()).isCloseTo(1.5, within(1e-7));
    assertThat(report.exact()).isEqualTo(disclosure.equals("optimal"));
    assertThat(report.exactness()).contains("docs/THEORY.md, Several agents: a public signal");
    // Rules are per reported profile (4) with a payment per agent (2 each).
    SignalRule first = report.signals().get(0);
    assertThat(first.allocation()).hasNumberOfRows(4);
    assertThat(first.transfers()).hasSize(8);
  }

  @org.junit.jupiter.api.Test
  void aRelevantStateIsBracketedByItsBenchmarks() throws Exception {
    // Interdependent values through the state: a values the good at its type plus 2 in state H, b at its type plus
    // 1 in state L; types correlated with the state through the joint prior.
    Problem problem =
        ProblemReader.read(
            """
            {"format": "mechlp/1",
             "agents": [
               {"name": "a", "types": [{"name": "lo", "value": 1}, {"name": "hi", "value": 2}]},
               {"name": "b", "types": [{"name": "lo", "value": 1}, {"name": "hi", "value": 2}]}],
             "states": [{"name": "L", "h": 0}, {"name": "H", "h": 1}],
             "prior": [
               {"types": {"a": "lo", "b": "lo"}, "state": "L", "p": "1/4"},
               {"types": {"a": "hi", "b": "lo"}, "state": "L", "p": "1/8"},
               {"types": {"a": "lo", "b": "hi"}, "state": "L", "p": "1/8"},
               {"types": {"a": "hi", "b": "hi"}, "state": "H", "p": "1/4"},
               {"types": {"a": "lo", "b": "hi"}, "state": "H", "p": "1/8"},
               {"types": {"a": "hi", "b": "lo"}, "state": "H", "p": "1/8"}],
             "outcomes": ["none", "a", "b"],
             "valuations": {"a": {"expression": {"a": "value + 2 * state.h"}},
                            "b": {"expression": {"b": "value + 1 - state.h"}}},
             "mechanism": {"ic": "bic", "ir": "interim"},
             "calibration": {"disclosure": "optimal", "grid": 10}}
            """,
            "relevant-state");

    CalibratedReport report = CalibratedSolver.solve(problem, SolveOptions.defaults());

    // The grid contains the prior and both vertices, so the optimum over it is at least both benchmarks.
    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.objective())
        .isGreaterThanOrEqualTo(Math.max(report.fullTransparency(), report.noDisclosure()) - 1e-9);
    assertThat(report.verification().maxViolation()).isLessThanOrEqualTo(1e-9);
    assertThat(report.signals().stream().mapToDouble(SignalRule::probability).sum()).isCloseTo(1, within(1e-9));
  }
}
