package org.mechlp.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON Schema editors use accepts every valid problem file and rejects files with structural mistakes. */
class SchemaTest {
  private static final Path SCHEMA = Paths.get("../schema/mechlp-1.schema.json");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static JsonSchema schema;

  private static synchronized JsonSchema schema() throws IOException {
    if (schema == null) {
      schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
              .getSchema(MAPPER.readTree(SCHEMA.toFile()));
    }
    return schema;
  }

  private static Set<ValidationMessage> validate(Path file) throws IOException {
    return schema().validate(MAPPER.readTree(file.toFile()));
  }

  static List<Path> validFiles() throws IOException {
    try (Stream<Path> files = Files.list(ProblemReaderTest.VALID)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void validFilesExist() throws IOException {
    assertThat(validFiles()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("validFiles")
  void acceptsEveryValidTestFile(Path file) throws IOException {
    assertThat(validate(file)).as(file.toString()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "unknown-field", "missing-format", "unsupported-format", "non-numeric", "non-numeric-prior", "empty-types",
        "not-identifier", "mechanism-values", "designer-missing", "missing-valuation",
        "calibration-values", "calibration-grid-range", "custom-constraints"
      })
  void rejectsStructuralMistakes(String name) throws IOException {
    assertThat(validate(InvalidFilesTest.INVALID.resolve(name + ".json"))).isNotEmpty();
  }

  @Test
  void acceptsEveryProblemInTheInstancesFolder() throws IOException {
    String dir = System.getProperty("instances.dir");
    // Set by surefire from the parent POM; a missing folder is a broken build, not a reason to skip.
    assertThat(dir).as("system property instances.dir").isNotNull();
    assertThat(Paths.get(dir)).as("instances.dir").isDirectory();
    List<Path> problems = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Paths.get(dir))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode root = MAPPER.readTree(f.toFile());
        JsonNode format = root.get("format");
        if (root.has("periods")) {
          continue; // multi-period problems follow mechlp-dynamic-1.schema.json (DynamicSchemaTest)
        }
        // Expected-answer and mechanism files live there too; they declare another format or none.
        if (!f.toString().endsWith(".expected.json")
            && (format == null || format.asText().equals(ProblemParser.FORMAT))) {
          problems.add(f);
        }
      }
    }
    assertThat(problems).as("problem files in " + dir).isNotEmpty();
    for (Path f : problems) {
      assertThat(validate(f)).as(f.toString()).isEmpty();
    }
  }
}
