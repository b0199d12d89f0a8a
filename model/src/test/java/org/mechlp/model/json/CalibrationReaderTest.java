package org.mechlp.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mechlp.model.CalibrationSpec;
import org.mechlp.model.CalibrationSpec.Disclosure;
import org.mechlp.model.IcKind;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.IrKind;
import org.mechlp.model.Issue;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;

/** The {@code "calibration"} block: its forms, defaults, and the constraints calibrated problems may use. */
class CalibrationReaderTest {
  private static final Path INSTANCES = Paths.get("../instances");

  /** One buyer (values 1, 2) and two states L, H; {@code extra} adds top-level fields. */
  private static String calibrated(String extra) {
    return """
        {"format": "mechlp/1",
         "agents": [{"name": "buyer", "types": [{"name": "lo", "value": 1}, {"name": "hi", "value": 2}],
                     "prior": ["1/2", "1/2"]}],
         "states": [{"name": "L", "p": "1/2"}, {"name": "H", "p": "1/2"}],
         "outcomes": {"shortcut": "single-item"}, %s}
        """.formatted(extra);
  }

  private static Problem read(String json) throws InvalidInputException {
    return ProblemReader.read(json, "test.json");
  }

  private static List<Issue> issues(String json) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> read(json));
    assertThat(e).as("must be rejected").isNotNull();
    return e.issues();
  }

  private static BigFraction f(String s) {
    return org.mechlp.model.Fractions.parse(s).orElseThrow();
  }

  @Test
  void emptyObjectAndTrueMeanOptimalDisclosureWithDefaults() throws Exception {
    assertThat(read(calibrated("\"calibration\": {}")).calibration()).isEqualTo(CalibrationSpec.optimal());
    assertThat(read(calibrated("\"calibration\": true")).calibration()).isEqualTo(CalibrationSpec.optimal());
    CalibrationSpec spec = CalibrationSpec.optimal();
    assertThat(spec.gridResolution()).isEqualTo(CalibrationSpec.DEFAULT_GRID);
    assertThat(spec.maxDenominator()).isEqualTo(CalibrationSpec.DEFAULT_MAX_DENOMINATOR);
    assertThat(spec.adaptive()).isTrue();
    assertThat(spec.observePayments()).isTrue();
    assertThat(spec.typesRedrawn()).isFalse();
  }

  @Test
  void falseOrAbsentMeansAStandardProblem() throws Exception {
    Problem off = read(calibrated("\"calibration\": false"));
    assertThat(off.isCalibrated()).isFalse();
    assertThat(off.mechanism().ic()).isEqualTo(IcKind.DSIC);
    assertThat(off.mechanism().ir()).isEqualTo(IrKind.EX_POST);
    assertThat(read(calibrated("\"name\": \"plain\"")).calibration()).isNull();
  }

  @ParameterizedTest
  @CsvSource({"optimal, OPTIMAL", "full, FULL", "none, NONE"})
  void readsTheNamedDisclosures(String json, Disclosure expected) throws Exception {
    CalibrationSpec spec = read(calibrated("\"calibration\": {\"disclosure\": \"" + json + "\"}")).calibration();
    assertThat(spec.disclosure()).isEqualTo(expected);
    assertThat(spec.signalNames()).isEmpty();
    assertThat(spec.signal()).isEmpty();
  }

  @Test
  void readsAFixedSignalInTheProblemsStateOrder() throws Exception {
    Problem p = ProblemReader.read(ProblemReaderTest.VALID.resolve("calibrated-signal.json"));
    CalibrationSpec spec = p.calibration();
    assertThat(spec.disclosure()).isEqualTo(Disclosure.FIXED);
    assertThat(spec.signalNames()).containsExactly("high", "low");
    // States are declared L, M, H; the file lists each signal's entries in another order, and omits high|L.
    assertThat(spec.signal().get(0)).containsExactly(BigFraction.ZERO, f("1/2"), f("2/3"));
    assertThat(spec.signal().get(1)).containsExactly(BigFraction.ONE, f("1/2"), f("1/3"));
    assertThat(spec.observePayments()).isFalse();
    assertThat(spec.typesRedrawn()).isTrue();
    assertThat(spec.gridResolution()).isEqualTo(CalibrationSpec.DEFAULT_GRID);
    // The rest of the mechanism block is kept: the interim IR kind with its outside option, and the transfer bound.
    assertThat(p.mechanism().ir()).isEqualTo(IrKind.INTERIM);
    assertThat(p.mechanism().outsideOption(0, 1)).isEqualTo(f("1/4"));
    assertThat(p.mechanism().transfers().bounds().get(0).lower()).isEqualTo(BigFraction.ZERO);
  }

  @Test
  void readsTheGridSettingsIncludingTheirBounds() throws Exception {
    CalibrationSpec spec =
        read(calibrated("\"calibration\": {\"grid\": 10000, \"maxDenominator\": \"7\", \"adaptive\": false}"))
            .calibration();
    assertThat(spec.gridResolution()).isEqualTo(10_000);
    assertThat(spec.maxDenominator()).isEqualTo(7);
    assertThat(spec.adaptive()).isFalse();
    spec = read(calibrated("\"calibration\": {\"grid\": 1, \"maxDenominator\": 1000}")).calibration();
    assertThat(spec.gridResolution()).isEqualTo(1);
    assertThat(spec.maxDenominator()).isEqualTo(1000);
  }

  @Test
  void theDefaultIcAndIrBecomeBicAndInterim() throws Exception {
    Problem p = ProblemReader.read(ProblemReaderTest.VALID.resolve("calibrated-defaults.json"));
    assertThat(p.isCalibrated()).isTrue();
    assertThat(p.mechanism().ic()).isEqualTo(IcKind.BIC);
    assertThat(p.mechanism().ir()).isEqualTo(IrKind.INTERIM);
    Problem onlyIr = read(calibrated("\"mechanism\": {\"ir\": \"none\"}, \"calibration\": {}"));
    assertThat(onlyIr.mechanism().ic()).isEqualTo(IcKind.BIC);
    assertThat(onlyIr.mechanism().ir()).isEqualTo(IrKind.NONE);
  }

  @Test
  void acceptsExplicitBicOrNoneAndInterimOrNone() throws Exception {
    Problem p = read(calibrated("\"mechanism\": {\"ic\": \"none\", \"ir\": {\"kind\": \"interim\"}}, "
        + "\"calibration\": {}"));
    assertThat(p.mechanism().ic()).isEqualTo(IcKind.NONE);
    assertThat(p.mechanism().ir()).isEqualTo(IrKind.INTERIM);
    p = read(calibrated("\"mechanism\": {\"ic\": \"bic\", \"ir\": {\"kind\": \"none\"}}, \"calibration\": {}"));
    assertThat(p.mechanism().ic()).isEqualTo(IcKind.BIC);
    assertThat(p.mechanism().ir()).isEqualTo(IrKind.NONE);
  }

  @Test
  void explicitDsicIsRefusedWithAHint() {
    assertThat(issues(calibrated("\"mechanism\": {\"ic\": \"dsic\"}, \"calibration\": {}")))
        .containsExactly(new Issue("mechanism.ic", "\"dsic\" does not apply to calibrated mechanisms",
            "use \"bic\": IC is imposed under the agent's posterior"));
  }

  @Test
  void severalAgentsAreAcceptedAndMissingStatesAreNot() {
    String twoAgents =
        """
        {"format": "mechlp/1",
         "agents": [{"name": "a", "types": [{"name": "lo", "value": 1}], "prior": [1]},
                    {"name": "b", "types": [{"name": "lo", "value": 1}], "prior": [1]}],
         "outcomes": {"shortcut": "single-item"}, "calibration": true}
        """;
    // Several agents get the public-signal class (docs/THEORY.md, Several agents: a public signal); only the missing
    // states are an issue.
    List<Issue> found = issues(twoAgents);
    assertThat(found).extracting(Issue::pointer).containsExactly("calibration");
    assertThat(found.get(0).message()).isEqualTo("needs \"states\"");
  }

  @Test
  void reportsMalformedDisclosures() {
    assertThat(issues(calibrated("\"calibration\": 3"))).extracting(Issue::message)
        .containsExactly("expected true or an object, got 3");
    assertThat(issues(calibrated("\"calibration\": {\"disclosure\": \"fixed\"}"))).extracting(Issue::message)
        .containsExactly("unknown value \"fixed\"");
    assertThat(issues(calibrated("\"calibration\": {\"disclosure\": {}}")))
        .containsExactly(Issue.of("calibration.disclosure.signal", "missing required field"));
    assertThat(issues(calibrated("\"calibration\": {\"disclosure\": {\"signal\": {}}}")))
        .containsExactly(Issue.of("calibration.disclosure.signal", "must list at least one signal"));
    assertThat(issues(calibrated("\"calibration\": {\"disclosure\": {\"signal\": {\"\": {\"L\": 1, \"H\": 1}}}}")))
        .containsExactly(Issue.of("calibration.disclosure.signal", "signal names must not be empty"));
    assertThat(issues(calibrated("\"calibration\": {\"disclosure\": {\"signal\": {\"s\": 1}}}")))
        .containsExactly(Issue.of("calibration.disclosure.signal.s", "expected an object, got 1"));
  }

  @Test
  void readsExampleA() throws Exception {
    Problem p = ProblemReader.read(INSTANCES.resolve("calibrated-example-a.json"));
    assertThat(p.calibration()).isEqualTo(CalibrationSpec.optimal());
    assertThat(p.agentCount()).isEqualTo(1);
    assertThat(p.mechanism().ic()).isEqualTo(IcKind.BIC);
    assertThat(p.mechanism().ir()).isEqualTo(IrKind.INTERIM);
    assertThat(p.hasPrivateValues()).isTrue();
    assertThat(p.valuations().get(0).isStateDependent()).isFalse();
    // docs/THEORY.md, Calibrated examples, example A: the joint prior f(L,1)=1/3, f(L,2)=1/6, f(H,1)=1/6, f(H,2)=1/3;
    // states L, H.
    assertThat(p.states()).extracting(s -> s.name()).containsExactly("L", "H");
    assertThat(p.prior().probability(0, 0)).isEqualTo(f("1/3"));
    assertThat(p.prior().probability(1, 0)).isEqualTo(f("1/6"));
    assertThat(p.prior().probability(0, 1)).isEqualTo(f("1/6"));
    assertThat(p.prior().probability(1, 1)).isEqualTo(f("1/3"));
    TypeProfiles profiles = p.profiles();
    // Outcome 1 gives the buyer the item: values 1 and 2.
    assertThat(p.valuations().get(0).value(1, 0, 0, profiles)).isEqualTo(BigFraction.ONE);
    assertThat(p.valuations().get(0).value(1, 1, 1, profiles)).isEqualTo(BigFraction.TWO);
  }

  @Test
  void readsExampleC() throws Exception {
    Problem p = ProblemReader.read(INSTANCES.resolve("calibrated-example-c.json"));
    assertThat(p.calibration()).isEqualTo(CalibrationSpec.optimal());
    assertThat(p.states()).extracting(s -> s.name()).containsExactly("0", "1");
    // docs/THEORY.md, Calibrated examples, example C: mu0(1) = 1/2 and types of probability 1/2 each, independent of
    // the state.
    assertThat(p.prior().isIndependent()).isTrue();
    assertThat(p.prior().stateProbability(1)).isEqualTo(f("1/2"));
    assertThat(p.prior().probability(0, 1)).isEqualTo(f("1/4"));
    TypeProfiles profiles = p.profiles();
    int item = p.outcomeIndex("buyer");
    // t0 values the good 3 in state 0 and 1 in state 1; t1 values it 1 and 2.
    assertThat(p.valuations().get(0).value(item, 0, 0, profiles)).isEqualTo(new BigFraction(3));
    assertThat(p.valuations().get(0).value(item, 0, 1, profiles)).isEqualTo(BigFraction.ONE);
    assertThat(p.valuations().get(0).value(item, 1, 0, profiles)).isEqualTo(BigFraction.ONE);
    assertThat(p.valuations().get(0).value(item, 1, 1, profiles)).isEqualTo(BigFraction.TWO);
    assertThat(p.valuations().get(0).value(p.outcomeIndex("none"), 0, 0, profiles)).isEqualTo(BigFraction.ZERO);
  }
}
