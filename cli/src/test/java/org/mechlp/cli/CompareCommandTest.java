package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mechlp compare}: the table in text, JSON and CSV, the chart, the exit codes and bad input. */
class CompareCommandTest {
  @TempDir Path dir;

  static JsonSchema schema() throws Exception {
    Path file = Path.of(System.getProperty("instances.dir")).getParent().resolve("schema/mechlp-compare-1.schema.json");
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(new ObjectMapper().readTree(file.toFile()));
  }

  /**
   * Myerson's two-bidder auction (values uniform on {1, 2, 3}): the DSIC optimum with ex post IR earns
   * E[max(φ1, φ2, 0)] = 2 with φ = (-1, 1, 3), and so does BIC (revenue equivalence), so the price of DSIC over BIC
   * is 0; with ex ante IR the whole surplus E[max v] = 22/9 is extracted.
   */
  @Test
  void textTableWithGaps() {
    CliRun r = CliRun.run("compare", CliRun.instance("myerson-two-bidders"), "--jobs", "1");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("compare: myerson-two-bidders (maximize revenue");
    assertThat(r.out()).containsPattern("\\* DSIC, IR ex post +OPTIMAL +2 +2 +7/3");
    assertThat(r.out()).containsPattern("DSIC, IR ex ante +OPTIMAL +22/9");
    assertThat(r.out()).containsPattern("ex post IC +same");
    assertThat(r.out()).contains("price of DSIC over BIC (IR ex post): 0");
    assertThat(r.out()).contains("same as DSIC (with private values its rows are the DSIC rows)");
    // VCG charges the winner the other's value: E[min(v1, v2)] = 1 + 4/9 + 1/9 = 14/9, 4/9 below Myerson's 2.
    assertThat(r.out()).containsPattern("vcg +passes +14/9 +14/9 +22/9");
    assertThat(r.out()).contains("revenue lost by VCG against the optimum (DSIC, IR ex post): 4/9 (revenue)");
  }

  @Test
  void jobsTwoGivesTheTableOfJobsOne() {
    CliRun one = CliRun.run("compare", CliRun.instance("lottery-two-items"), "--jobs", "1", "--format", "csv");
    CliRun two = CliRun.run("compare", CliRun.instance("lottery-two-items"), "--jobs", "2", "--format", "csv");

    assertThat(one.exitCode()).as(one.err()).isZero();
    assertThat(two.exitCode()).as(two.err()).isZero();
    assertThat(two.out()).isEqualTo(one.out());
  }

  @Test
  void jsonMatchesTheSchemaAndCarriesExactValues() throws Exception {
    CliRun r = CliRun.run("compare", CliRun.instance("cremer-mclean"), "--format", "json", "--exact");

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(schema().validate(json)).isEmpty();
    assertThat(json.get("format").asText()).isEqualTo("mechlp-compare/1");
    JsonNode own = null;
    for (JsonNode row : json.get("rows")) {
      if (row.get("own").asBoolean()) {
        own = row;
      }
    }
    // Cremer-McLean: BIC with interim IR extracts the full surplus E[max v] = 5/3 (instance description).
    assertThat(own.get("id").asText()).isEqualTo("bic/interim-ir");
    assertThat(own.get("revenue").get("exact").asText()).isEqualTo("5/3");
    assertThat(own.get("utilities").get("bidder1").get("exact").asText()).isEqualTo("0");
    assertThat(own.get("certification").asText()).isEqualTo("certified optimal");
  }

  @Test
  void infeasibleOwnRowAnswersNoAndTheOthersAreStillShown() throws Exception {
    CliRun r = CliRun.run("compare", CliRun.instance("bilateral-trade-ms"), "--format", "json");

    // Myerson-Satterthwaite: efficient trade with BIC, interim IR and budget balance is infeasible (exit 3, as solve).
    assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(schema().validate(json)).isEmpty();
    assertThat(json.get("exitCode").asInt()).isEqualTo(3);
    List<String> statuses = new java.util.ArrayList<>();
    json.get("rows").forEach(row -> statuses.add(row.get("id").asText() + "=" + row.get("status").asText()));
    assertThat(statuses).contains("bic/interim-ir=INFEASIBLE", "bic/exante-ir=OPTIMAL");
  }

  @Test
  void calibratedProblemsGetDisclosureRows() throws Exception {
    CliRun r = CliRun.run("compare", CliRun.instance("calibrated-example-a"), "--format", "json");

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(schema().validate(json)).isEmpty();
    assertThat(json.get("rows")).extracting(row -> row.get("id").asText())
        .containsExactly("disclosure/full", "disclosure/none", "disclosure/optimal");
  }

  @Test
  void csvHasOneLinePerRowAndGap() {
    CliRun r = CliRun.run("compare", CliRun.instance("myerson-two-bidders"), "--format", "csv");

    assertThat(r.exitCode()).as(r.err()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(lines[0]).startsWith("kind,id,label,own,status,objective,objective_exact,revenue,revenue_exact");
    // 13 rows (6 randomized, the ex post line, 6 deterministic), one per built-in mechanism, and 3 gaps.
    assertThat(lines).hasSize(1 + 13 + org.mechlp.solver.classic.ClassicMechanisms.names().size() + 3);
    assertThat(lines[1]).startsWith("optimum,dsic/expost-ir,\"DSIC, IR ex post\",true,OPTIMAL,2.0,2,2.0,2,");
    assertThat(lines[lines.length - 3]).startsWith("gap,price-of-dsic,");
    assertThat(lines[lines.length - 1]).startsWith("gap,vcg-revenue-loss,");
    for (String line : lines) {
      assertThat(line.replaceAll("\"[^\"]*\"", "q").split(",", -1)).hasSize(lines[0].split(",").length);
    }
  }

  @Test
  void plotWritesAnSvgBarChart() throws Exception {
    Path svg = dir.resolve("compare.svg");
    CliRun r = CliRun.run("compare", CliRun.instance("myerson-two-bidders"), "--plot", svg.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("wrote " + svg);
    javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    // One outer <svg> holding the one chart (XChart draws text as paths, so the series are checked on the chart).
    assertThat(Files.readString(svg).split("<svg", -1)).hasSize(1 + 1 + 1);
    var comparison =
        org.mechlp.solver.compare.Comparisons.compare(
            org.mechlp.model.json.ProblemReader.read(Path.of(CliRun.instance("myerson-two-bidders"))),
            org.mechlp.solver.compare.CompareOptions.defaults(org.mechlp.solver.compare.ClassicBuiltIns.INSTANCE));
    var chart = org.mechlp.cli.render.CompareChart.chart(comparison);
    assertThat(chart.getSeriesMap().keySet())
        .containsExactly("revenue", "welfare", "U(bidder1)", "U(bidder2)", "budget");
    // A bar per row with a mechanism: 6 randomized and 6 deterministic optima (the ex post line has none) and the
    // built-in mechanisms that apply.
    long withMechanism = comparison.rows().stream().filter(row -> row.metrics() != null).count();
    assertThat(withMechanism).isGreaterThan(12);
    assertThat(chart.getSeriesMap().get("revenue").getXData()).hasSize((int) withMechanism);
  }

  @Test
  void badInputExitsTwoAndWritesNothing() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.json"),
        "{\"format\": \"mechlp/1\", \"agents\": [{\"name\": \"a\", \"types\": []}], \"outcomes\": [\"x\"]}");
    Path out = dir.resolve("out.json");
    Path plot = dir.resolve("out.svg");

    CliRun invalid = CliRun.run("compare", bad.toString(), "--out", out.toString(), "--plot", plot.toString());
    CliRun latex = CliRun.run("compare", CliRun.instance("myerson-two-bidders"), "--format", "latex");
    CliRun gif = CliRun.run("compare", CliRun.instance("myerson-two-bidders"), "--plot", dir.resolve("c.gif").toString());

    assertThat(invalid.exitCode()).isEqualTo(2);
    assertThat(invalid.err()).contains("bad.json").contains("agents");
    assertThat(out).doesNotExist();
    assertThat(plot).doesNotExist();
    assertThat(latex.exitCode()).isEqualTo(2);
    assertThat(gif.exitCode()).isEqualTo(2);
    assertThat(dir.resolve("c.gif")).doesNotExist();
  }

  @Test
  void rowsStoppedByTheTimeLimitFailTheCommand() {
    CliRun r = CliRun.run("compare", CliRun.instance("myerson-two-bidders"), "--time-limit", "0.001");

    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.out()).contains("FAILED").contains("time limit");
  }

  @Test
  void dataDrivenAndDynamicProblemsAreRefused() {
    Path out = dir.resolve("out.txt");
    CliRun dataDriven = CliRun.run("compare", CliRun.instance("data-driven-biased"), "--out", out.toString());
    CliRun dynamic = CliRun.run("compare", CliRun.instance("dynamic/three-agents-three-periods"));

    assertThat(dataDriven.exitCode()).isEqualTo(2);
    assertThat(dataDriven.err()).contains("data-driven");
    assertThat(out).doesNotExist();
    assertThat(dynamic.exitCode()).isEqualTo(2);
    assertThat(dynamic.err()).contains("multi-period");
  }
}
