package org.mechlp.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.calibrated.CalibratedReport;
import org.mechlp.solver.calibrated.CalibratedSolver;
import org.mechlp.solver.calibrated.ValueCurve;
import org.mechlp.solver.options.SolveOptions;

/** The value-curve CSV and chart of instances/calibrated-example-c.json. */
class ValueCurveFilesTest {
  @TempDir Path dir;

  @Test
  void writesCsvPngAndSvg() throws Exception {
    Problem problem =
        ProblemReader.read(Path.of(System.getProperty("instances.dir"), "calibrated-example-c.json"));
    CalibratedReport report = CalibratedSolver.solve(problem, SolveOptions.defaults());
    List<ValueCurve.Point> curve = ValueCurve.compute(problem, SolveOptions.defaults(), 30);

    String csv = ValueCurveFiles.csv(curve);
    // Header plus 31 grid points; V(0) = 1.5 (docs/THEORY.md, Calibrated examples, example C: price 3, only type 0
    // buys).
    assertThat(csv.lines()).hasSize(32).first().isEqualTo("mu,value,envelope");
    assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith("0.00000000000,1.50000000000");

    XYChart chart = ValueCurveFiles.chart(curve, report, problem.states().get(1).name());
    Path png = dir.resolve("curve.png");
    Path svg = dir.resolve("curve.svg");
    ValueCurveFiles.writeChart(chart, png);
    ValueCurveFiles.writeChart(chart, svg);

    byte[] pngBytes = Files.readAllBytes(png);
    assertThat(pngBytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    assertThat(Files.readString(svg, StandardCharsets.UTF_8)).contains("<svg");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("curve.png", "curve.svg");
    }
  }
}
