package org.mechlp.cli.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.CalibrationSpec;
import org.mechlp.model.Objective;
import org.mechlp.model.ObjectiveTerm;
import org.mechlp.model.Problem;

class CalibratedJsonReportTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static JsonNode exampleC() throws Exception {
    return JSON.readTree(CalibratedJsonReport.render(CalibratedReports.exampleCOptimum()));
  }

  @Test
  void topLevelFieldsAreThoseOfASolveReportPlusCalibrated() throws Exception {
    JsonNode root = exampleC();
    assertThat(root.fieldNames())
        .toIterable()
        .containsExactly(
            "format", "command", "problem", "status", "objective", "objectiveSense", "lp", "times", "solver",
            "message", "verification", "calibrated");
    assertThat(root.path("format").asText()).isEqualTo("mechlp-report/1");
    assertThat(root.path("command").asText()).isEqualTo("solve");
    assertThat(root.path("lp").path("rows").asLong()).isEqualTo(170);
    assertThat(root.path("times").path("solveMs").asDouble()).isEqualTo(12.34);
    assertThat(root.path("verification").path("rowsChecked").asLong()).isEqualTo(40);
  }

  @Test
  void calibratedBlockCarriesEveryReportField() throws Exception {
    JsonNode c = exampleC().path("calibrated");
    assertThat(c.fieldNames())
        .toIterable()
        .containsExactly(
            "disclosure", "settings", "exact", "objectiveKind", "exactness", "candidatePosteriors", "benchmarks",
            "states", "signalStructure", "signals");
    assertThat(c.path("disclosure").asText()).isEqualTo("optimal");
    assertThat(c.path("settings").path("grid").asInt()).isEqualTo(CalibrationSpec.DEFAULT_GRID);
    assertThat(c.path("settings").path("signal").isNull()).isTrue();
    assertThat(c.path("exact").asBoolean()).isTrue();
    assertThat(c.path("objectiveKind").asText()).isEqualTo("exact");
    assertThat(c.path("candidatePosteriors").asInt()).isEqualTo(31);
    // docs/THEORY.md, Calibrated examples, example C at prior 1/2.
    JsonNode b = c.path("benchmarks");
    assertThat(b.path("standardBound").asDouble()).isEqualTo(1.625);
    assertThat(b.path("standardBoundSide").asText()).isEqualTo("upper bound");
    assertThat(b.path("fullTransparency").asDouble()).isEqualTo(1.25);
    assertThat(b.path("noDisclosure").asDouble()).isEqualTo(1.5);
    assertThat(b.path("gap").asDouble()).isCloseTo(0.0, within(1e-12));
    assertThat(c.path("states").toString()).isEqualTo("[\"0\",\"1\"]");
  }

  @Test
  void signalsListPosteriorRulePerTypeAndEveryOutcome() throws Exception {
    JsonNode c = exampleC().path("calibrated");
    // pi(s2 | state 1) = 1, derived in CalibratedReports.exampleCOptimum.
    assertThat(c.path("signalStructure").get(1).path("signal").asText()).isEqualTo("s2");
    assertThat(c.path("signalStructure").get(1).path("pi").path("1").asDouble()).isEqualTo(1.0);
    JsonNode s2 = c.path("signals").get(1);
    assertThat(s2.path("probability").asDouble()).isEqualTo(0.75);
    assertThat(s2.path("posterior").path("1").asDouble()).isEqualTo(2.0 / 3);
    JsonNode t0 = s2.path("rule").get(0);
    assertThat(t0.path("type").asText()).isEqualTo("t0");
    assertThat(t0.path("allocation").fieldNames()).toIterable().containsExactly("none", "buyer");
    assertThat(t0.path("payment").asDouble()).isEqualTo(5.0 / 3);
    // The -0.0 payment of t1 after s1 is written as 0.0.
    assertThat(CalibratedJsonReport.render(CalibratedReports.exampleCOptimum())).doesNotContain("-0.0");
  }

  @Test
  void aFixedSignalIsEchoedExactlyInTheSettings() throws Exception {
    BigFraction third = new BigFraction(1, 3);
    CalibrationSpec spec =
        new CalibrationSpec(
            CalibrationSpec.Disclosure.FIXED,
            List.of("low", "high"),
            List.of(List.of(third.multiply(2), third), List.of(third, third.multiply(2))),
            20,
            12,
            true,
            true,
            false);
    Problem problem = CalibratedReports.exampleC(spec, Objective.maximize(ObjectiveTerm.REVENUE), true);
    JsonNode c =
        JSON.readTree(CalibratedJsonReport.render(CalibratedReports.exampleCOptimum(problem, true, "exact")))
            .path("calibrated");
    assertThat(c.path("disclosure").asText()).isEqualTo("fixed");
    assertThat(c.path("settings").path("signal").path("low").path("0").asText()).isEqualTo("2/3");
    assertThat(c.path("settings").path("signal").path("high").path("0").asText()).isEqualTo("1/3");
  }

  @Test
  void withoutTransfersRulesHaveNoPayment() throws Exception {
    Problem problem =
        CalibratedReports.exampleC(CalibrationSpec.optimal(), Objective.maximize(ObjectiveTerm.REVENUE), false);
    JsonNode rule =
        JSON.readTree(CalibratedJsonReport.render(CalibratedReports.exampleCOptimum(problem, true, "exact")))
            .path("calibrated").path("signals").get(0).path("rule").get(0);
    assertThat(rule.has("payment")).isFalse();
  }

  @Test
  void anInfeasibleSolveHasNullsAndNoSignals() throws Exception {
    JsonNode root =
        JSON.readTree(CalibratedJsonReport.render(CalibratedReports.infeasible(CalibratedReports.exampleC())));
    assertThat(root.path("status").asText()).isEqualTo("INFEASIBLE");
    assertThat(root.path("objective").isNull()).isTrue();
    assertThat(root.path("verification").isNull()).isTrue();
    JsonNode c = root.path("calibrated");
    assertThat(c.path("objectiveKind").isNull()).isTrue();
    assertThat(c.path("benchmarks").path("standardBound").isNull()).isTrue();
    assertThat(c.path("benchmarks").path("gap").isNull()).isTrue();
    assertThat(c.path("signals")).isEmpty();
    assertThat(c.path("signalStructure")).isEmpty();
  }
}
