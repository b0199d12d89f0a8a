package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, batch: an expect.mechanism outside the problem's folder tree is refused without being read, a file that
 * is not a mechanism is refused without echoing it, a bad expression is INVALID, and an incomplete summary makes
 * merge exit 5.
 */
class Issue10BatchTest {
  @TempDir Path dir;

  /** The posted-price problem with an expectation that attaches {@code mechanism}. */
  private Path problemExpecting(String name, String mechanism) throws Exception {
    String text =
        Problems.POSTED_PRICE.replace(
            "\"objective\": \"revenue\"",
            "\"objective\": \"revenue\", \"expect\": {\"status\": \"OPTIMAL\", \"objective\": \"1\", \"mechanism\": "
                + "\"" + mechanism + "\"}");
    Path problem = dir.resolve(name + ".json");
    Files.writeString(problem, text);
    return problem;
  }

  @Test
  void aMechanismPathOutOfTheProblemsFolderIsRefusedUnread() throws Exception {
    Path inner = Files.createDirectories(dir.resolve("inner"));
    Path secret = dir.resolve("secret.json");
    Files.writeString(secret, "{\"token\": \"s3cr3t-value\"}");
    Path problem = problemExpecting("escape", "../secret.json");
    Files.move(problem, inner.resolve("escape.json"));
    Path absolute = problemExpecting("absolute", "/proc/self/environ");

    CliRun escape = CliRun.run("batch", inner.resolve("escape.json").toString());
    CliRun proc = CliRun.run("batch", absolute.toString());

    assertThat(escape.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(escape.out()).contains("INVALID", "leaves the problem file's folder").doesNotContain("s3cr3t");
    assertThat(proc.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(proc.out()).contains("INVALID", "must be a path relative").doesNotContain("PATH=");
  }

  @Test
  void aFileThatIsNotAMechanismIsRefusedWithoutEchoingIt() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "PASSWORD=hunter2 and more private text");
    Path problem = problemExpecting("notes", "notes.txt");

    CliRun run = CliRun.run("batch", problem.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.out())
        .contains("INVALID", "expect.mechanism notes.txt: not a valid mechanism file")
        .doesNotContain("hunter2")
        .doesNotContain("PASSWORD");
  }

  @Test
  void anExpressionThatCannotBeEvaluatedIsInvalidNotFailed() throws Exception {
    Path problem = dir.resolve("zero-power.json");
    Files.writeString(
        problem,
        """
        {"format": "mechlp/1", "name": "zero-power",
         "agents": [{"name": "buyer", "types": [{"name": "low", "v": 1}, {"name": "high", "v": 2}],
                     "prior": ["1/2", "1/2"]}],
         "outcomes": ["none", "sold"],
         "valuations": {"buyer": {"expression": {"sold": "0^-1", "none": "0"}}},
         "mechanism": {"ic": "dsic", "ir": "expost"}, "objective": "revenue"}
        """);
    Path summary = dir.resolve("summary.jsonl");

    CliRun run = CliRun.run("batch", problem.toString(), "--summary", summary.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(Files.readString(summary)).contains("\"verdict\":\"INVALID\"");
  }

  @Test
  void mergeOfASummaryWithUnrunProblemsExitsIncomplete() throws Exception {
    Path summary = dir.resolve("partial.jsonl");
    Files.write(
        summary,
        List.of(
            "{\"format\":\"mechlp-batch/1\",\"file\":\"a.json\",\"problem\":\"a\",\"verdict\":\"OK\"}",
            "{\"format\":\"mechlp-batch/1\",\"file\":\"b.json\",\"problem\":\"b\",\"verdict\":\"FAILED\"}",
            "{\"format\":\"mechlp-batch/1\",\"file\":\"c.json\",\"problem\":\"c\",\"verdict\":\"NOT_RUN\"}"));

    CliRun run = CliRun.run("merge", summary.toString());

    // Incomplete wins over a failure: the batch's answer is not known until every problem has run.
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
    assertThat(run.err()).contains("incomplete: 1 problem was not run");
  }
}
