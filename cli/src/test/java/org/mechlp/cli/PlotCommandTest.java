package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plot}: a PNG of the optimal mechanism's interim allocation and payments. */
class PlotCommandTest {
  @TempDir Path dir;

  @Test
  void writesAPng() throws Exception {
    String problem = Path.of(System.getProperty("instances.dir"), "myerson-two-bidders.json").toString();
    Path png = dir.resolve("m.png");

    CliRun r = CliRun.run("plot", problem, "--out", png.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readAllBytes(png)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
  }

  @Test
  void writesOneSvgWithAChartPerPanelAndRefusesOtherFormats() throws Exception {
    String problem = Path.of(System.getProperty("instances.dir"), "myerson-two-bidders.json").toString();
    Path svg = dir.resolve("m.svg");
    Path gif = dir.resolve("m.gif");

    CliRun ok = CliRun.run("plot", problem, "--out", svg.toString());
    CliRun bad = CliRun.run("plot", problem, "--out", gif.toString());

    assertThat(ok.exitCode()).as(ok.err()).isZero();
    String text = Files.readString(svg);
    // One outer <svg> holding four charts (two agents x allocation and money), parsed as XML.
    assertThat(text.split("<svg", -1)).hasSize(1 + 1 + 4);
    javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(gif).doesNotExist();
  }

  @Test
  void twoDimensionalTypesGetHeatMaps() throws Exception {
    StringBuilder types = new StringBuilder();
    for (int a = 1; a <= 3; a++) {
      for (int b = 1; b <= 3; b++) {
        types.append(types.length() == 0 ? "" : ", ")
            .append("{\"name\": \"a").append(a).append("b").append(b).append("\", \"a\": ").append(a)
            .append(", \"b\": ").append(b).append("}");
      }
    }
    Path problem =
        Files.writeString(
            dir.resolve("two.json"),
            "{\"format\": \"mechlp/1\", \"agents\": [{\"name\": \"buyer\", \"types\": [" + types
                + "], \"prior\": [\"1/9\", \"1/9\", \"1/9\", \"1/9\", \"1/9\", \"1/9\", \"1/9\","
                + " \"1/9\", \"1/9\"]}], \"outcomes\": [\"none\", \"A\", \"B\", \"AB\"],"
                + " \"valuations\": {\"buyer\": {\"expression\": {\"A\": \"a\", \"B\": \"b\","
                + " \"AB\": \"a + b\"}}}}");
    Path png = dir.resolve("two.png");

    CliRun r =
        CliRun.run("plot", problem.toString(), "--out", png.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    // Five heat maps side by side (four outcomes and the payment), 420 pixels each.
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(5 * 420);
  }
}
