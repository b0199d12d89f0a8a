package org.mechlp.cli.render;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
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

  /** The charts as one PNG: a row per agent. */
  public static byte[] png(List<CategoryChart> charts) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Chart<?, ?>> all = new ArrayList<>(charts);
    BitmapEncoder.saveBitmap(all, charts.size() / 2, 2, bytes, BitmapEncoder.BitmapFormat.PNG);
    return bytes.toByteArray();
  }
}
