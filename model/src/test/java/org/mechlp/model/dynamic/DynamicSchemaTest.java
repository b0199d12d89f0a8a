package org.mechlp.model.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The multi-period schema accepts every shipped dynamic instance (also under large/), which the reader also accepts. */
class DynamicSchemaTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void acceptsEveryShippedDynamicInstance() throws Exception {
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(MAPPER.readTree(Path.of("../schema/mechlp-dynamic-1.schema.json").toFile()));
    Path dir = Path.of(System.getProperty("instances.dir", "../instances")).resolve("dynamic");
    List<Path> files;
    try (Stream<Path> list = Files.walk(dir)) {
      files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      assertThat(schema.validate(MAPPER.readTree(f.toFile()))).as(f.toString()).isEmpty();
      assertThat(DynamicProblemReader.read(f).name()).isNotEmpty();
    }
  }

  @Test
  void rejectsATransitionWithBothForms() throws Exception {
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(MAPPER.readTree(Path.of("../schema/mechlp-dynamic-1.schema.json").toFile()));
    String json = "{\"periods\": {\"horizon\": 2, \"discount\": 1}, \"agents\": [{\"name\": \"a\", \"signals\": [\"x\"]},"
        + " {\"name\": \"b\", \"signals\": [\"x\"]}], \"actions\": [\"go\"], \"utilities\": {},"
        + " \"transition\": {\"joint\": {}, \"product\": {}}}";
    assertThat(schema.validate(MAPPER.readTree(json))).isNotEmpty();
  }
}
