package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mechlp.cli.batch.BatchRunner;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code batch} end to end on a folder with a good, a bad, an infeasible and a mismatching problem. */
class BatchCommandTest {
  @TempDir Path dir;

  /** One buyer, values 1 and 2 at 1/2 each: the optimal posted price earns 1 (hand derivation in Problems). */
  static String postedPrice(String expect) {
    return """
        {"format": "mechlp/1",
         "agents": [{"name": "buyer", "types": [{"name": "lo", "value": 1}, {"name": "hi", "value": 2}],
                     "prior": ["1/2", "1/2"]}],
         "outcomes": {"shortcut": "single-item"},
         "mechanism": {"ic": "dsic", "ir": "expost"},
         "objective": "revenue",
         "expect": %s}
        """
        .formatted(expect);
  }

  @BeforeEach
  void writeFolder() throws Exception {
    Files.writeString(dir.resolve("a-good.json"), postedPrice("{\"status\": \"OPTIMAL\", \"objective\": 1}"));
    Files.writeString(dir.resolve("b-bad.json"), "{\"format\": \"mechlp/1\", \"agents\": []}");
    // No transfers and an outside option of 5 that no lottery can give: infeasible, as the file expects.
    Files.writeString(
        dir.resolve("c-infeasible.json"),
        postedPrice("{\"status\": \"INFEASIBLE\"}")
            .replace(
                "\"ir\": \"expost\"",
                "\"ir\": {\"kind\": \"expost\", \"outsideOption\": 5}, \"transfers\": false"));
    Files.writeString(
        dir.resolve("d-mismatch.json"), postedPrice("{\"status\": \"OPTIMAL\", \"objective\": \"3/2\"}"));
  }

  @Test
  void reportsEveryProblemAndFailsOnBadInputFirst() throws Exception {
    Path junit = dir.resolve("out/report.xml");
    Files.createDirectories(junit.getParent());
    Path summary = dir.resolve("out/summary.jsonl");

    CliRun r =
        CliRun.run(
            "batch", dir.toString(), "--jobs", "2", "--junit", junit.toString(), "--summary", summary.toString());

    // The bad file makes it exit 2; the other three still ran.
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.out())
        .contains("OK       a-good: OPTIMAL 1,", "INVALID  b-bad:", "OK       c-infeasible: INFEASIBLE")
        .contains("MISMATCH d-mismatch: OPTIMAL 1,", "expected objective 1.5");
    assertThat(r.out()).contains("4 problems: 2 ok, 1 mismatched, 1 invalid, 0 failed");
    // Each result is printed once, in the order of the files, whatever the number of jobs.
    assertThat(r.out() + r.err()).containsOnlyOnce("a-good").containsOnlyOnce("d-mismatch");
    assertThat(r.out().indexOf("a-good")).isLessThan(r.out().indexOf("b-bad"));
    assertThat(r.out().indexOf("c-infeasible")).isLessThan(r.out().indexOf("d-mismatch"));

    List<String> lines = Files.readAllLines(summary);
    assertThat(lines).hasSize(4);
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(lines.get(3)).get("verdict").asText()).isEqualTo("MISMATCH");

    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
    Element suite = xml.getDocumentElement();
    assertThat(suite.getAttribute("tests")).isEqualTo("4");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    NodeList cases = suite.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(4);
    assertThat(((Element) cases.item(3)).getElementsByTagName("failure").getLength()).isEqualTo(1);
  }

  @Test
  void aMismatchAloneExitsWith3() throws Exception {
    Files.delete(dir.resolve("b-bad.json"));

    CliRun r = CliRun.run("batch", dir.toString(), "--jobs", "1");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
  }

  @Test
  void aFoldersJsonFilesThatAreNotProblemsAreSkippedWithOneLine() throws Exception {
    Files.delete(dir.resolve("b-bad.json"));
    // A report and a certificate that earlier runs left next to the problems.
    Files.writeString(dir.resolve("e-report.json"), "{\"format\": \"mechlp-report/1\", \"status\": \"OPTIMAL\"}");
    Files.writeString(dir.resolve("f-cert.json"), "{\"format\": \"mechlp-certificate/1\"}");

    CliRun r = CliRun.run("batch", dir.toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
    assertThat(r.err().lines())
        .containsExactly(
            "skipped 2 .json files that are not problem files (no \"format\": \"mechlp/1\"): e-report.json,"
                + " f-cert.json");
    assertThat(r.out()).contains("3 problems: 2 ok, 1 mismatched, 0 invalid, 0 failed");
  }

  @Test
  void shardsCoverEveryFileExactlyOnce() throws Exception {
    List<Path> files = BatchRunner.expand(List.of(dir));
    List<Path> covered = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      covered.addAll(BatchRunner.shard(files, i, 3));
    }

    assertThat(covered).hasSize(files.size()).containsExactlyInAnyOrderElementsOf(files);
  }

  @Test
  void parallelAndSerialRunsGiveTheSameSummaryApartFromTimes() throws Exception {
    Path serial = dir.resolve("serial.csv");
    Path parallel = dir.resolve("parallel.csv");
    CliRun.run("batch", dir.toString(), "--jobs", "1", "--summary", serial.toString());
    CliRun.run("batch", dir.toString(), "--jobs", "2", "--summary", parallel.toString());

    assertThat(withoutTimes(parallel)).isEqualTo(withoutTimes(serial));
  }

  /** The CSV without its ms column (the 8th). */
  private static List<String> withoutTimes(Path csv) throws Exception {
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(csv)) {
      if (line.endsWith(".csv\"") || line.contains("serial.csv") || line.contains("parallel.csv")) {
        continue;
      }
      List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
      if (cells.size() > 7) {
        cells.remove(7);
      }
      lines.add(String.join(",", cells));
    }
    return lines;
  }

  @Test
  void mergedShardSummariesEqualOneFullRun() throws Exception {
    Path full = dir.resolve("full.jsonl");
    Path one = dir.resolve("one.jsonl");
    Path two = dir.resolve("two.jsonl");
    Path merged = dir.resolve("merged.jsonl");
    CliRun.run("batch", dir.toString(), "--summary", full.toString());
    CliRun.run("batch", dir.toString(), "--shard", "1/2", "--summary", one.toString());
    CliRun.run("batch", dir.toString(), "--shard", "2/2", "--summary", two.toString());

    CliRun r =
        CliRun.run("merge", two.toString(), one.toString(), "--out", merged.toString());

    // The folder holds a bad file, so the merged run exits as the full one: 2.
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(verdicts(merged)).isEqualTo(verdicts(full)).hasSize(4);
  }

  @Test
  void printsAShellCompletionScript() {
    CliRun r = CliRun.run("generate-completion");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("complete -F", "batch", "solve");
  }

  /** file and verdict of every record, in order. */
  private static List<String> verdicts(Path jsonl) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> result = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl)) {
      var node = json.readTree(line);
      result.add(node.get("file").asText() + " " + node.get("verdict").asText());
    }
    return result;
  }

  @Test
  void anAttachedMechanismIsCheckedAgainstItsExpectedVerdict() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("checks"));
    // Price 1/2 to the low type and 2 to the high type: the high type gains 3/2 by reporting low (hand
    // derivation in MechanismSolverTest), so a "pass" expectation must be reported as a mismatch.
    Files.writeString(
        folder.resolve("greedy.mech"),
        """
        {"profiles": [
          {"types": {"buyer": "lo"}, "allocation": {"buyer": 1}, "transfers": {"buyer": "1/2"}},
          {"types": {"buyer": "hi"}, "allocation": {"buyer": 1}, "transfers": {"buyer": 2}}]}
        """);
    Files.writeString(
        folder.resolve("expects-pass.json"),
        postedPrice(
            "{\"objective\": 1, \"mechanism\": \"greedy.mech\", \"verdict\": \"pass\"}"));
    Files.writeString(
        folder.resolve("expects-fail.json"),
        postedPrice(
            "{\"objective\": 1, \"mechanism\": \"greedy.mech\", \"verdict\": \"fail\"}"));

    CliRun r = CliRun.run("batch", folder.toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
    assertThat(r.out())
        .contains("OK       expects-fail")
        .contains("MISMATCH expects-pass", "to pass, it did fail (1 violated constraints)");
  }

  @Test
  void writesEachProblemsReportToTheOutputFolder() throws Exception {
    Path reports = Files.createDirectories(dir.resolve("reports"));

    CliRun.run("batch", dir.toString(), "--out", reports.toString());

    // The three readable problems get a report named after their file; the invalid one gets none.
    try (var files = Files.list(reports)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("a-good.json", "c-infeasible.json", "d-mismatch.json");
    }
    assertThat(new ObjectMapper().readTree(reports.resolve("a-good.json").toFile()).get("objective").asDouble())
        .isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
  }
}
