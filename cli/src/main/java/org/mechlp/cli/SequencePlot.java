package org.mechlp.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mechlp.solver.datadriven.EstimatorSequence;

/**
 * A log-log SVG of epsilon_N (solid) and its bound 2 sup|beta| (dashed) per agent against the sample size N. Zero
 * values have no logarithm and are left out (epsilon is often exactly 0 from some N on).
 */
final class SequencePlot {
  private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};
  private static final int W = 640;
  private static final int H = 420;
  private static final int M = 60;

  private SequencePlot() {}

  static String svg(List<String> agents, List<EstimatorSequence.Point> points) {
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (EstimatorSequence.Point p : points) {
      minX = Math.min(minX, Math.log10(p.samples()));
      maxX = Math.max(maxX, Math.log10(p.samples()));
      for (int i = 0; i < agents.size(); i++) {
        for (double v : new double[] {p.epsilon()[i].doubleValue(), p.bound()[i].doubleValue()}) {
          if (v > 0) {
            minY = Math.min(minY, Math.log10(v));
            maxY = Math.max(maxY, Math.log10(v));
          }
        }
      }
    }
    if (minY > maxY) {
      minY = -1;
      maxY = 0;
    }
    minY = Math.floor(minY);
    maxY = Math.ceil(maxY);
    if (maxX <= minX) {
      maxX = minX + 1;
    }
    if (maxY <= minY) {
      maxY = minY + 1;
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
            + " font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", W, H));
    sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
        + " stroke=\"black\"/>%n", M, M / 2, W - 2 * M, H - 2 * M));
    for (int k = (int) minY; k <= (int) maxY; k++) {
      double y = y(k, minY, maxY);
      sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
          + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">1e%d</text>%n", M, W - M, y, y, M - 4, y + 4, k));
    }
    for (EstimatorSequence.Point p : points) {
      double x = x(Math.log10(p.samples()), minX, maxX);
      sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n", x,
          H - M / 2 - 10, p.samples()));
    }
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">sample size N</text>%n",
        W / 2, H - 8));
    for (int i = 0; i < agents.size(); i++) {
      String color = COLORS[i % COLORS.length];
      for (int series = 0; series < 2; series++) {
        List<String> coords = new ArrayList<>();
        for (EstimatorSequence.Point p : points) {
          double v = (series == 0 ? p.epsilon()[i] : p.bound()[i]).doubleValue();
          if (v > 0) {
            coords.add(String.format(Locale.ROOT, "%.1f,%.1f", x(Math.log10(p.samples()), minX, maxX),
                y(Math.log10(v), minY, maxY)));
          }
        }
        if (!coords.isEmpty()) {
          sb.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s"
              + " points=\"%s\"/>%n", color, series == 1 ? " stroke-dasharray=\"6,4\"" : "", String.join(" ",
                  coords)));
        }
      }
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s: epsilon_N (solid), bound"
          + " 2 sup|beta| (dashed)</text>%n", M + 8, M / 2 + 16 + 16 * i, color, agents.get(i)));
    }
    sb.append("</svg>\n");
    return sb.toString();
  }

  private static double x(double v, double min, double max) {
    return M + (v - min) / (max - min) * (W - 2 * M);
  }

  private static double y(double v, double min, double max) {
    return H - M - (v - min) / (max - min) * (H - 2 * M - M / 2.0) ;
  }
}
