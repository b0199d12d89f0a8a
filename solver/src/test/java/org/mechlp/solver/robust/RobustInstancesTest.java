package org.mechlp.solver.robust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mechlp.model.ProblemFile;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.report.RobustSummary;
import org.mechlp.solver.report.SolveReport;

/**
 * The shipped robust, Rawlsian and counted instances certify to the value their expect block derives by hand, and
 * the robust summary names the binding priors.
 */
class RobustInstancesTest {
  static Path dir() {
    return Path.of(System.getProperty("instances.dir"), "robust");
  }

  static List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(dir())) {
      List<Path> list = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
      assertThat(list).as("instances/robust").hasSizeGreaterThanOrEqualTo(4);
      return list;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void certifiesToTheHandDerivedValue(Path file) throws Exception {
    ProblemFile read = ProblemReader.readFile(file);
    assertThat(read.expectation().source()).isNotBlank();
    BigFraction value = Robust.exactValue(read.problem());
    assertThat(value).as("%s: %s", file.getFileName(), read.expectation().source())
        .isEqualTo(read.expectation().objective());
  }

  @Test
  void maxminBindsBothPriorsAtSixFifths() throws Exception {
    SolveReport report = Robust.solve(ProblemReader.read(dir().resolve("maxmin-two-priors.json")));
    RobustSummary summary = RobustSummary.of(report.problem(), report.mechanism());
    // Hand derivation (instance description): the max-min menu earns 6/5 under A and under B, so both bind.
    assertThat(summary.kind()).isEqualTo("maxmin");
    assertThat(summary.priors()).extracting(RobustSummary.PriorValue::worst).containsExactly(true, true);
    assertThat(summary.priors()).extracting(RobustSummary.PriorValue::exactValue)
        .containsExactly(new BigFraction(6, 5), new BigFraction(6, 5));
  }

  @Test
  void regretReportsEachPriorsOwnOptimum() throws Exception {
    SolveReport report = Robust.solve(ProblemReader.read(dir().resolve("regret-two-priors.json")));
    RobustSummary summary = RobustSummary.of(report.problem(), report.mechanism());
    // Own optima by hand (instance description): 2 under A (price 2), 3/2 under B (price 3); regret 2/5 under both.
    assertThat(summary.priors()).extracting(RobustSummary.PriorValue::ownOptimum)
        .containsExactly(BigFraction.TWO, new BigFraction(3, 2));
    assertThat(summary.priors()).allSatisfy(p -> assertThat(p.regret()).isCloseTo(0.4, org.assertj.core.api
        .Assertions.within(1e-12)));
  }

  @Test
  void regretIsZeroWhenOneMechanismIsOptimalUnderEveryPrior() {
    // By hand: value 2 for sure (A) or 2 and 3 with probability 1/2 each (C). Posted prices earn 1, 2, 0 under A and
    // 1, 2, 3/2 under C, so price 2 is optimal under both and nothing is regretted.
    String json = """
        {"format": "mechlp/1", "name": "common-optimum",
         "agents": [{"name": "buyer", "types": [{"name": "v1", "value": 1}, {"name": "v2", "value": 2},
                                               {"name": "v3", "value": 3}]}],
         "prior": {"set": [{"name": "A", "agents": {"buyer": [0, 1, 0]}},
                           {"name": "C", "agents": {"buyer": [0, "1/2", "1/2"]}}]},
         "outcomes": {"shortcut": "single-item"},
         "mechanism": {"ic": "dsic", "ir": "expost"},
         "objective": {"maximize": "revenue", "robust": "regret"}}
        """;
    assertThat(Robust.exactValue(Robust.read(json))).isEqualTo(BigFraction.ZERO);
  }

  @Test
  void countsAreEchoedWithTheirEmpiricalLawAndRadius() throws Exception {
    SolveReport report = Robust.solve(ProblemReader.read(dir().resolve("counts-widened.json")));
    RobustSummary summary = RobustSummary.of(report.problem(), report.mechanism());
    assertThat(summary.counts()).hasSize(1);
    assertThat(summary.counts().get(0).law()).containsExactly(new BigFraction(1, 4), new BigFraction(3, 4));
    assertThat(summary.counts().get(0).radius()).isEqualTo(new BigFraction(1, 2));
    // The worst law is the vertex (1/2, 1/2), where price 3 earns 3/2 (instance description).
    assertThat(summary.priors()).filteredOn(RobustSummary.PriorValue::worst)
        .extracting(RobustSummary.PriorValue::law).containsExactly("buyer (0.5, 0.5)");
  }

  @Test
  void bicAndInterimIrHoldUnderEveryPrior() {
    String json = """
        {"format": "mechlp/1", "name": "bic-set",
         "agents": [{"name": "a", "types": [{"name": "l", "value": 1}, {"name": "h", "value": 2}]},
                    {"name": "b", "types": [{"name": "l", "value": 1}, {"name": "h", "value": 2}]}],
         "prior": {"set": [{"name": "p", "agents": {"a": ["1/2", "1/2"], "b": ["1/2", "1/2"]}},
                           {"name": "q", "agents": {"a": ["1/4", "3/4"], "b": ["1/3", "2/3"]}}]},
         "outcomes": {"shortcut": "single-item"},
         "mechanism": {"ic": "bic", "ir": "interim"}, "objective": "revenue"}
        """;
    List<String> ids = LpCompiler.compile(Robust.read(json)).lp().families().stream().map(ConstraintFamily::id)
        .toList();
    assertThat(ids).containsExactly("feasibility", "ic-bic@p", "ic-bic@q", "ir-interim@p", "ir-interim@q",
        "objective-epigraph");
  }
}
