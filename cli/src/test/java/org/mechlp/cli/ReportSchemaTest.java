package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of JSON report validates against the published schema/mechlp-report-1.schema.json. */
class ReportSchemaTest {
  static Path repo() {
    return Path.of(System.getProperty("instances.dir")).getParent();
  }

  static Stream<List<String>> commands() {
    String instances = repo().resolve("instances").toString();
    String proposals = repo().resolve("proposals").toString();
    return Stream.of(
        List.of("solve", instances + "/myerson-two-bidders.json"),
        List.of("solve", instances + "/bilateral-trade-ms.json"),
        List.of("solve", instances + "/calibrated-example-c.json"),
        List.of("solve", instances + "/lottery-two-items.json", "--deterministic"),
        List.of("solve", instances + "/myerson-ironing.json", "--exact"),
        List.of("solve", instances + "/bilateral-trade-ms.json", "--exact"),
        List.of("solve", instances + "/calibrated-example-c.json", "--exact"),
        List.of("solve", instances + "/revenue-range.json", "--range"),
        List.of("solve", instances + "/robust/regret-two-priors.json"),
        List.of("solve", instances + "/robust/counts-widened.json", "--exact"),
        List.of("solve", instances + "/robust/rawlsian-no-money.json"),
        List.of("solve", instances + "/myerson-two-bidders-bic.json", "--strategy", "reduced"),
        List.of("solve", instances + "/myerson-two-bidders.json", "--strategy", "symmetric"),
        List.of("solve", instances + "/myerson-two-bidders.json", "--strategy", "lazy"),
        List.of("check", instances + "/bilateral-trade.json", "--mechanism", proposals + "/split-the-difference.json"),
        List.of(
            "check",
            instances + "/calibrated-example-a.json",
            "--mechanism",
            proposals + "/calibrated-example-a-full-extraction.json"));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void reportValidates(List<String> command) throws Exception {
    String[] args = Stream.concat(command.stream(), Stream.of("--format", "json")).toArray(String[]::new);
    CliRun r = CliRun.run(args);
    ObjectMapper mapper = new ObjectMapper();
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(mapper.readTree(repo().resolve("schema/mechlp-report-1.schema.json").toFile()));

    assertThat(schema.validate(mapper.readTree(r.out()))).as(String.join(" ", command)).isEmpty();
  }
}
