package org.mechlp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.mechlp.cli.batch.BatchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mechlp merge}: joins the JSON Lines summaries of {@code batch --shard} runs into one, sorted by file, and
 * exits as the whole batch would have.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Join the summaries of sharded batch runs into one summary and exit as one batch would.",
      "Reads the JSON Lines summaries written by 'batch --shard I/N --summary FILE', writes one summary sorted by"
          + " problem file, and exits as one batch over all the files would have (2 invalid, 5 incomplete: some"
          + " problem NOT_RUN, 4 failed, 3 mismatch)."
    },
    footer = {
      "%nExamples:",
      "  mechlp merge shard1.jsonl shard2.jsonl --out all.jsonl",
      ExitCodes.FOOTER
    })
final class MergeCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(arity = "1..*", paramLabel = "SUMMARY.jsonl", description = "Summaries written by batch.")
  List<Path> summaries;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the merged summary to FILE (atomically).")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Output output =
        Output.of(
            "--out", out, spec.commandLine().getOut(), spec.commandLine().getErr(), summaries.toArray(Path[]::new));
    List<JsonNode> records = new ArrayList<>();
    for (Path summary : summaries) {
      records.addAll(read(summary));
    }
    records.sort(Comparator.comparing((JsonNode r) -> r.get("file").asText()));
    StringBuilder sb = new StringBuilder();
    java.util.Set<String> verdicts = new java.util.HashSet<>();
    long notRun = 0;
    for (JsonNode r : records) {
      sb.append(r).append('\n');
      String verdict = r.get("verdict").asText();
      verdicts.add(verdict);
      notRun += verdict.equals(BatchResult.Verdict.NOT_RUN.name()) ? 1 : 0;
    }
    output.write(sb.toString());
    if (notRun > 0) {
      spec.commandLine().getErr().println(
          "incomplete: " + notRun + " problem" + (notRun == 1 ? " was" : "s were") + " not run (NOT_RUN)");
    }
    return BatchCommand.exitCode(verdicts);
  }

  private static List<JsonNode> read(Path summary) throws IOException, BadInputException {
    if (!Files.isRegularFile(summary)) {
      throw new BadInputException(summary + ": no such file");
    }
    List<JsonNode> records = new ArrayList<>();
    List<String> lines = Files.readAllLines(summary, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      JsonNode record;
      try {
        record = JSON.readTree(line);
      } catch (IOException e) {
        throw new BadInputException(summary + ": line " + (i + 1) + ": not JSON");
      }
      if (!record.path("format").asText().equals("mechlp-batch/1") || !record.has("file")
          || !record.has("verdict")) {
        throw new BadInputException(
            summary + ": line " + (i + 1) + ": not a batch summary record (expected format mechlp-batch/1)");
      }
      records.add(record);
    }
    return records;
  }
}
