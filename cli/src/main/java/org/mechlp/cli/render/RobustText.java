package org.mechlp.cli.render;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.report.RobustSummary;

/**
 * The text of a {@link RobustSummary}: each prior's value (and own optimum and regret) with the worst ones marked,
 * the least interim utilities of a Rawlsian objective, and the sample counts a prior came from.
 */
final class RobustText {
  private RobustText() {}

  /** Appends the summary's sections to {@code sb}. */
  static void append(StringBuilder sb, RobustSummary summary, String interimPrior) {
    if (!summary.priors().isEmpty()) {
      sb.append('\n').append(title(summary)).append('\n');
      boolean regret = summary.kind().equals("regret");
      boolean rawlsian = summary.priors().get(0).leastTypes().size() > 0 || summary.kind().equals("rawlsian");
      List<String> headers = new ArrayList<>(List.of("prior", "law"));
      if (regret) {
        headers.add(">own optimum");
      }
      headers.add(rawlsian ? ">least interim utility" : ">value");
      if (regret) {
        headers.add(">regret");
      }
      if (rawlsian) {
        headers.add("least off");
      }
      headers.add("worst");
      TextTable table = new TextTable(headers);
      for (RobustSummary.PriorValue p : summary.priors()) {
        List<String> cells = new ArrayList<>(List.of(p.prior(), p.law()));
        if (regret) {
          cells.add(Numbers.exact(p.ownOptimum()));
        }
        cells.add(p.exactValue() != null ? Numbers.exact(p.exactValue()) : Numbers.format(p.value()));
        if (regret) {
          cells.add(p.exactValue() != null
              ? Numbers.exact(p.ownOptimum().subtract(p.exactValue()).abs())
              : Numbers.format(p.regret()));
        }
        if (rawlsian) {
          cells.add(String.join(", ", p.leastTypes()));
        }
        cells.add(p.worst() ? "yes" : "");
        table.add(cells);
      }
      sb.append(table.render());
      if (interimPrior != null) {
        sb.append("  (the interim view above is under prior ").append(interimPrior).append(")\n");
      }
    }
    if (!summary.counts().isEmpty()) {
      sb.append("\nSample counts (each counted agent's prior is their empirical law, exactly)\n");
      TextTable table = new TextTable(List.of("agent", "counts", ">total", "empirical law", ">L1 radius"));
      for (RobustSummary.AgentCounts c : summary.counts()) {
        List<String> counts = new ArrayList<>();
        for (int t = 0; t < c.types().size(); t++) {
          counts.add(c.types().get(t) + " " + c.counts().get(t));
        }
        table.add(List.of(c.agent(), String.join(", ", counts),
            c.counts().stream().reduce(BigInteger.ZERO, BigInteger::add).toString(),
            String.join(", ", c.law().stream().map(Numbers::exact).toList()),
            c.radius() == null ? "-" : Numbers.exact(c.radius())));
      }
      sb.append(table.render());
      if (summary.confidence() != null) {
        sb.append("  radii from confidence ").append(Numbers.exact(summary.confidence()))
            .append(" (Weissman et al.'s L1 bound, split over the counted agents, rounded up to 1/1000)\n");
      }
    }
  }

  private static String title(RobustSummary summary) {
    return switch (summary.kind()) {
      case "regret" -> "Priors (minimax regret: each prior's own optimum, what the mechanism earns, the regret)";
      case "rawlsian" -> "Least interim utility (Rawlsian: the worst-off agent type, per prior)";
      default -> "Priors (max-min: the mechanism's expected objective under each prior; the worst ones bind)";
    };
  }

  /** A fraction, or "-". */
  static String exact(BigFraction f) {
    return f == null ? "-" : Numbers.exact(f);
  }
}
