package org.mechlp.solver.calibrated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.CalibrationSpec;
import org.mechlp.solver.options.SolveOptions;

/** V(mu) and its concave envelope on docs/THEORY.md, Calibrated examples, example C, against the closed form given
 * there.
 */
class ValueCurveTest {
  /** docs/THEORY.md, Calibrated examples, example C: V(mu) = max(min(3 - 2mu, 1 + mu), (1/2) max(3 - 2mu, 1 + mu)). */
  static double closedForm(double mu) {
    return Math.max(Math.min(3 - 2 * mu, 1 + mu), 0.5 * Math.max(3 - 2 * mu, 1 + mu));
  }

  @Test
  void valueMatchesTheClosedFormAndTheEnvelopeGivesTheCalibratedOptimum() {
    List<ValueCurve.Point> curve =
        ValueCurve.compute(
            CalibratedExamples.exampleC(new BigFraction(1, 2), CalibrationSpec.optimal()),
            SolveOptions.defaults(),
            30);

    assertThat(curve).hasSize(31);
    for (ValueCurve.Point p : curve) {
      assertThat(p.value()).as("V(%s)", p.mu()).isCloseTo(closedForm(p.mu()), within(1e-7));
      assertThat(p.envelope()).isGreaterThanOrEqualTo(p.value() - 1e-9);
    }
    // cav V(1/2) = (1/4) V(0) + (3/4) V(2/3) = 1.625, the calibrated optimum at prior 1/2 (grid point 15 of 30).
    assertThat(curve.get(15).envelope()).isCloseTo(1.625, within(1e-7));
    // V is linear on [2/3, 1], where the envelope equals V.
    assertThat(curve.get(25).envelope()).isCloseTo(curve.get(25).value(), within(1e-9));
  }

  @Test
  void theEnvelopeOfAConvexFunctionIsItsChord() {
    double[] x = {0, 0.5, 1};
    double[] y = {1, 0, 1};

    assertThat(ValueCurve.envelope(x, y, 1)).containsExactly(new double[] {1, 1, 1}, within(1e-12));
    // For minimization the lower convex hull of a convex function is the function itself.
    assertThat(ValueCurve.envelope(x, y, -1)).containsExactly(new double[] {1, 0, 1}, within(1e-12));
  }
}
