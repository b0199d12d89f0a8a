package org.mechlp.cli.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.lp.Sense;
import org.mechlp.solver.report.InterimRow;
import org.mechlp.solver.report.LpSize;
import org.mechlp.solver.report.RowCheck;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.report.Verification;

/** Hand-built reports, with solver-like floating-point residues, for the renderer tests. */
final class Reports {
  private Reports() {}

  /** One buyer, values 1 and 2 with probability 1/2 each; outcomes none and buyer (single-item shortcut). */
  static Problem postedPrice() throws InvalidInputException {
    return ProblemReader.read(
        """
        {"format": "mechlp/1", "name": "posted-price",
         "agents": [{"name": "buyer", "types": [{"name": "low", "value": 1}, {"name": "high", "value": 2}],
                     "prior": ["1/2", "1/2"]}],
         "outcomes": {"shortcut": "single-item"}}
        """,
        "posted-price");
  }

  /**
   * The price-2 mechanism as a solver returns it: the low type gets nothing and pays -0.0, the high type gets the
   * item and pays 1.9999999999; three binding rows (one IC, two IR) with duals.
   */
  static SolveReport priceTwo(Problem problem) {
    Mechanism mechanism =
        Mechanism.ofDoubles(2, 2, 1, new double[] {1.0, 1e-17, 0.0, 1.0}, new double[] {-0.0, 1.9999999999});
    List<RowCheck> binding =
        List.of(
            new RowCheck("ic-dsic", "ic[buyer:high->low]", "IC: buyer of type high would report low", 0, 0.0, null,
                -0.5, Sense.GE),
            new RowCheck("ir-expost", "ir[buyer=low]", "IR: buyer of type low", 0, 0.0, null, -0.0, Sense.GE),
            new RowCheck("ir-expost", "ir[buyer=high]", "IR: buyer of type high", 0, 1e-12, null, -0.5, Sense.GE));
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("ic-dsic", 1L);
    counts.put("ir-expost", 2L);
    Verification verification =
        new Verification(1e-12, "ir[buyer=high]", 7, false, null, List.of(), 0, binding, counts, 0.99999999995, 1e-6);
    List<InterimRow> interim =
        List.of(
            new InterimRow(0, 0, new BigFraction(1, 2), new double[] {1.0, 0.0}, -0.0, 0.0),
            new InterimRow(0, 1, new BigFraction(1, 2), new double[] {0.0, 1.0}, 1.9999999999, 1e-10));
    return new SolveReport(
        problem,
        SolveStatus.OPTIMAL,
        0.99999999995,
        mechanism,
        new LpSize(7, 6, 14),
        interim,
        verification,
        "Glop solver v9.14.6206",
        3_100_000L,
        2_400_000L,
        1_250_000L,
        "");
  }
}
