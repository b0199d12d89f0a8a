package org.mechlp.cli.render;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.mechlp.model.AgentType;
import org.mechlp.model.Problem;
import org.mechlp.solver.report.InterimRow;
import org.mechlp.solver.report.SolveReport;

/**
 * Draws a solved mechanism's interim view with XChart: for every agent, the probability of each outcome by type
 * (truthful reports, averaged over the others' types and the state) and the expected payment and utility by type.
 * One row of two charts per agent, as one PNG.
 */
public final class MechanismPlot {
  private MechanismPlot() {}

  /**
   * For one agent whose types all carry the same two numeric attributes (a grid of two-dimensional types, such as
   * a buyer's values for two items): heat maps over that grid, one per outcome (its interim probability) and one of
   * the expected payment. Empty otherwise.
   */
  public static List<HeatMapChart> heatMaps(SolveReport report) {
    Problem problem = report.problem();
    if (problem.agentCount() != 1) {
      return List.of();
    }
    List<AgentType> types = problem.agents().get(0).types();
    java.util.Set<String> keys = types.get(0).attributes().keySet();
    if (keys.size() != 2 || types.stream().anyMatch(t -> !t.attributes().keySet().equals(keys))) {
      return List.of();
    }
    List<String> axes = new ArrayList<>(new java.util.TreeSet<>(keys));
    java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
    java.util.TreeSet<Double> ys = new java.util.TreeSet<>();
    for (AgentType t : types) {
      xs.add(t.attribute(axes.get(0)).doubleValue());
      ys.add(t.attribute(axes.get(1)).doubleValue());
    }
    List<Double> xList = new ArrayList<>(xs);
    List<Double> yList = new ArrayList<>(ys);
    List<HeatMapChart> charts = new ArrayList<>();
    for (int o = 0; o <= problem.outcomeCount(); o++) {
      boolean payment = o == problem.outcomeCount();
      String what = payment ? "expected payment" : "P(" + problem.outcomes().get(o).name() + ")";
      HeatMapChart chart =
          new HeatMapChartBuilder()
              .width(420)
              .height(380)
              .title(problem.agents().get(0).name() + ": " + what)
              .xAxisTitle(axes.get(0))
              .yAxisTitle(axes.get(1))
              .build();
      chart.getStyler().setChartBackgroundColor(Color.WHITE);
      List<Number[]> cells = new ArrayList<>();
      for (InterimRow row : report.interim()) {
        AgentType t = types.get(row.type());
        int x = xList.indexOf(t.attribute(axes.get(0)).doubleValue());
        int y = yList.indexOf(t.attribute(axes.get(1)).doubleValue());
        double raw = payment ? row.expectedTransfer() : row.outcomeProbabilities()[o];
        // Solver noise (1.0000000000000042) would otherwise show in the colour legend.
        double value = Math.round(raw * 1e9) / 1e9;
        cells.add(new Number[] {x, y, value});
      }
      chart.addSeries(what, labels(xList), labels(yList), cells);
      charts.add(chart);
    }
    return charts;
  }

  /** Short axis labels (three significant digits), so a grid's labels do not overlap. */
  private static List<String> labels(List<Double> values) {
    return values.stream()
        .map(v -> new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString())
        .toList();
  }

  /** The charts, two per agent (allocation, then payment and utility). */
  public static List<CategoryChart> charts(SolveReport report) {
    Problem problem = report.problem();
    List<CategoryChart> charts = new ArrayList<>();
    for (int i = 0; i < problem.agentCount(); i++) {
      List<String> types = new ArrayList<>();
      List<InterimRow> rows = new ArrayList<>();
      for (InterimRow row : report.interim()) {
        if (row.agent() == i) {
          rows.add(row);
          AgentType type = problem.agents().get(i).types().get(row.type());
          types.add(type.name());
        }
      }
      String agent = problem.agents().get(i).name();
      CategoryChart allocation =
          new CategoryChartBuilder()
              .width(600)
              .height(380)
              .title(agent + ": interim allocation")
              .xAxisTitle("type")
              .yAxisTitle("probability")
              .build();
      style(allocation);
      for (int o = 0; o < problem.outcomeCount(); o++) {
        List<Double> p = new ArrayList<>();
        for (InterimRow row : rows) {
          p.add(row.outcomeProbabilities()[o]);
        }
        allocation.addSeries(problem.outcomes().get(o).name(), types, p);
      }
      CategoryChart money =
          new CategoryChartBuilder()
              .width(600)
              .height(380)
              .title(agent + ": expected payment and utility")
              .xAxisTitle("type")
              .yAxisTitle("money")
              .build();
      style(money);
      money.addSeries("payment", types, rows.stream().map(InterimRow::expectedTransfer).toList());
      money.addSeries("utility", types, rows.stream().map(InterimRow::expectedUtility).toList());
      charts.add(allocation);
      charts.add(money);
    }
    return charts;
  }

  private static void style(CategoryChart chart) {
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setOverlapped(false);
  }

  /** The charts as one PNG, {@code columns} to a row ({@code columns} must divide the number of charts). */
  public static byte[] png(List<? extends Chart<?, ?>> charts, int columns) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Chart<?, ?>> all = new ArrayList<>(charts);
    if (all.size() % columns != 0) {
      throw new IllegalArgumentException(all.size() + " charts do not fill rows of " + columns);
    }
    int rows = all.size() / columns;
    BitmapEncoder.saveBitmap(all, rows, columns, bytes, BitmapEncoder.BitmapFormat.PNG);
    return bytes.toByteArray();
  }

  /**
   * The charts as one SVG, {@code columns} to a row: each chart is drawn by XChart as its own SVG and nested in a
   * group translated to its grid position.
   */
  public static String svg(List<? extends Chart<?, ?>> charts, int columns) throws IOException {
    if (charts.isEmpty() || charts.size() % columns != 0) {
      throw new IllegalArgumentException(charts.size() + " charts do not fill rows of " + columns);
    }
    int width = charts.get(0).getWidth();
    int height = charts.get(0).getHeight();
    int rows = charts.size() / columns;
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"")
        .append(width * columns).append("\" height=\"").append(height * rows).append("\">\n");
    for (int c = 0; c < charts.size(); c++) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      VectorGraphicsEncoder.saveVectorGraphic(
          charts.get(c), bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      String one = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
      int start = one.indexOf("<svg");
      if (start < 0) {
        throw new IOException("XChart wrote no <svg> element");
      }
      String placed =
          "<g transform=\"translate(" + (c % columns) * width + "," + (c / columns) * height + ")\">"
              + one.substring(start).strip()
              + "</g>";
      sb.append(placed.strip()).append('\n');
    }
    return sb.append("</svg>\n").toString();
  }
}
