package org.mechlp.cli.render;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.mechlp.model.Problem;
import org.mechlp.solver.compare.Comparison;
import org.mechlp.solver.compare.ComparisonRow;
import org.mechlp.solver.compare.Metrics;
import org.mechlp.solver.compare.Quantity;

/**
 * The bar chart of {@code mechlp compare --plot}: one group of bars per row that has a mechanism (revenue, welfare,
 * each agent's utility, the budget), drawn with XChart like {@code mechlp plot}.
 */
public final class CompareChart {
  private CompareChart() {}

  /** The chart, or null when no row has a mechanism to draw. */
  public static CategoryChart chart(Comparison comparison) {
    List<ComparisonRow> rows = comparison.rows().stream().filter(r -> r.metrics() != null).toList();
    if (rows.isEmpty()) {
      return null;
    }
    Problem problem = comparison.problem();
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(Math.max(800, 90 * rows.size()))
            .height(520)
            .title(problem.name() + ": " + Describe.objective(problem.objective()))
            .xAxisTitle("")
            .yAxisTitle("expected value")
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setOverlapped(false);
    chart.getStyler().setXAxisLabelRotation(35);
    List<String> labels = rows.stream().map(r -> (r.own() ? "* " : "") + r.label()).toList();
    chart.addSeries("revenue", labels, values(rows, Metrics::revenue));
    chart.addSeries("welfare", labels, values(rows, Metrics::welfare));
    for (int i = 0; i < problem.agentCount(); i++) {
      int agent = i;
      chart.addSeries("U(" + problem.agents().get(i).name() + ")", labels,
          values(rows, m -> m.utilities().get(agent)));
    }
    chart.addSeries("budget", labels, values(rows, Metrics::budget));
    return chart;
  }

  /** The chart as SVG (when {@code svg}) or PNG bytes. */
  public static byte[] bytes(CategoryChart chart, boolean svg) throws IOException {
    return svg
        ? MechanismPlot.svg(List.of(chart), 1).getBytes(java.nio.charset.StandardCharsets.UTF_8)
        : MechanismPlot.png(List.of(chart), 1);
  }

  private static List<Double> values(
      List<ComparisonRow> rows, java.util.function.Function<Metrics, Quantity> metric) {
    List<Double> values = new ArrayList<>();
    for (ComparisonRow row : rows) {
      // Solver residues (1e-16) would show as bars of noise.
      values.add(Math.round(metric.apply(row.metrics()).value() * 1e9) / 1e9);
    }
    return values;
  }
}
