package org.mechlp.cli.render;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mechlp.cli.io.AtomicFiles;
import org.mechlp.solver.calibrated.CalibratedReport;
import org.mechlp.solver.calibrated.SignalRule;
import org.mechlp.solver.calibrated.ValueCurve;

/**
 * Writes the information-design picture of a two-state calibrated problem: V(mu), its concave envelope, the prior
 * and the chosen posteriors, as CSV (for spreadsheets and other plotting tools) and as a PNG or SVG chart drawn
 * with XChart. Files are written atomically, like every mechlp output.
 */
public final class ValueCurveFiles {
  private ValueCurveFiles() {}

  /** The curve as CSV: {@code mu,value,envelope}, one line per grid point, mu the belief in the second state. */
  public static String csv(List<ValueCurve.Point> curve) {
    StringBuilder sb = new StringBuilder("mu,value,envelope\n");
    for (ValueCurve.Point p : curve) {
      sb.append(String.format(Locale.ROOT, "%.12g,%.12g,%.12g%n", p.mu(), p.value(), p.envelope()));
    }
    return sb.toString();
  }

  /** The chart; the x axis is the belief in {@code stateName}. */
  public static XYChart chart(List<ValueCurve.Point> curve, CalibratedReport report, String stateName) {
    XYChart chart =
        new XYChartBuilder()
            .width(800)
            .height(500)
            .title(report.problem().name() + ": value of the best state-independent mechanism")
            .xAxisTitle("posterior probability of state " + stateName)
            .yAxisTitle("designer's value")
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
    double[] mu = curve.stream().mapToDouble(ValueCurve.Point::mu).toArray();
    XYSeries value =
        chart.addSeries("V(mu)", mu, curve.stream().mapToDouble(ValueCurve.Point::value).toArray());
    value.setMarker(SeriesMarkers.NONE);
    XYSeries envelope =
        chart.addSeries("concave envelope", mu, curve.stream().mapToDouble(ValueCurve.Point::envelope).toArray());
    envelope.setMarker(SeriesMarkers.NONE);
    List<SignalRule> signals = report.signals();
    if (!signals.isEmpty() && report.objective() != null) {
      double[] x = signals.stream().mapToDouble(s -> s.posterior()[1]).toArray();
      double[] y = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        y[i] = valueAt(curve, x[i]);
      }
      XYSeries chosen = chart.addSeries("chosen posteriors", x, y);
      chosen.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      chosen.setMarker(SeriesMarkers.CIRCLE);
    }
    return chart;
  }

  /** V at the grid point nearest {@code mu} (the chosen posteriors may lie between grid points). */
  private static double valueAt(List<ValueCurve.Point> curve, double mu) {
    ValueCurve.Point best = curve.get(0);
    for (ValueCurve.Point p : curve) {
      if (Math.abs(p.mu() - mu) < Math.abs(best.mu() - mu)) {
        best = p;
      }
    }
    return best.value();
  }

  /**
   * Writes the chart as SVG when {@code target} ends in .svg, else as PNG.
   *
   * @return the file written: {@code target}, or the file it links to
   */
  public static Path writeChart(XYChart chart, Path target) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
      VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    } else {
      BitmapEncoder.saveBitmap(chart, bytes, BitmapEncoder.BitmapFormat.PNG);
    }
    return AtomicFiles.write(target, bytes.toByteArray());
  }
}
