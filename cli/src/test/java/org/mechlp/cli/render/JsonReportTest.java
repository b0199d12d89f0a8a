package org.mechlp.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonReportTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @Test
  void solveReportHasTheDocumentedTopLevelFields() throws Exception {
    JsonNode root = JSON.readTree(JsonReport.solve(Reports.priceTwo(Reports.postedPrice())));
    assertThat(root.fieldNames())
        .toIterable()
        .containsExactly(
            "format", "command", "problem", "status", "objective", "objectiveSense", "exact", "lp", "times", "solver",
            "message", "verification", "mechanism", "interim", "binding", "bindingCounts", "explanation");
    assertThat(root.path("format").asText()).isEqualTo("mechlp-report/1");
    assertThat(root.path("lp").path("nonZeros").asLong()).isEqualTo(14);
    assertThat(root.path("times").path("verifyMs").asDouble()).isEqualTo(1.25);
    assertThat(root.path("verification").path("worstRow").asText()).isEqualTo("ir[buyer=high]");
    assertThat(root.path("bindingCounts").path("ir-expost").asLong()).isEqualTo(2);
    assertThat(root.path("binding").get(0).path("dual").asDouble()).isEqualTo(-0.5);
    JsonNode price = root.path("explanation").path("shadowPrices").get(0);
    assertThat(price.path("relaxationEffect").asDouble()).isEqualTo(0.5);
    assertThat(price.path("meaning").asText()).isEqualTo("letting this misreport gain 1 raises revenue by 0.5");
    assertThat(root.path("explanation").path("summary").get(0).asText())
        .isEqualTo("IC (dominant strategy) [ic-dsic]: 1 row binds");
    assertThat(root.path("interim").get(1).path("probability").asText()).isEqualTo("0.5");
  }

  @Test
  void negativeZeroIsWrittenAsZero() throws Exception {
    String json = JsonReport.solve(Reports.priceTwo(Reports.postedPrice()));
    assertThat(json).doesNotContain("-0.0");
  }
}
