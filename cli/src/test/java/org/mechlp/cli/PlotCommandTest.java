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

    CalibratedCheckCommandTest.Run r = CalibratedCheckCommandTest.run("plot", problem, "--out", png.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readAllBytes(png)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
  }

  @Test
  void refusesOtherFormatsAndWritesNothing() {
    String problem = Path.of(System.getProperty("instances.dir"), "myerson-two-bidders.json").toString();
    Path svg = dir.resolve("m.svg");

    CalibratedCheckCommandTest.Run r = CalibratedCheckCommandTest.run("plot", problem, "--out", svg.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(svg).doesNotExist();
  }
}
