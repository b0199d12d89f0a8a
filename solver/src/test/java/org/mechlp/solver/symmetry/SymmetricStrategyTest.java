package org.mechlp.solver.symmetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.options.SolveOptions.Strategy;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.testing.Expected;

/** {@link MechanismSolver} uses the symmetry reduction when asked, and by itself for large symmetric problems. */
class SymmetricStrategyTest {
  /** n bidders, values j/k (j = 1..k) equally likely, DSIC and ex post IR, revenue. */
  private static String auction(int n, int k) {
    StringBuilder agents = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      StringBuilder types = new StringBuilder();
      StringBuilder prior = new StringBuilder();
      for (int j = 1; j <= k; j++) {
        types.append(j > 1 ? "," : "").append("{\"name\":\"v").append(j).append("\",\"value\":\"")
            .append(j).append('/').append(k).append("\"}");
        prior.append(j > 1 ? "," : "").append("\"1/").append(k).append('"');
      }
      agents.append(i > 1 ? "," : "").append("{\"name\":\"b").append(i).append("\",\"types\":[").append(types)
          .append("],\"prior\":[").append(prior).append("]}");
    }
    return "{\"format\":\"mechlp/1\",\"name\":\"auction\",\"agents\":[" + agents
        + "],\"outcomes\":{\"shortcut\":\"single-item\"},\"mechanism\":{\"ic\":\"dsic\",\"ir\":\"expost\"},"
        + "\"objective\":\"revenue\"}";
  }

  /**
   * Discrete Myerson revenue of n i.i.d. bidders uniform on {1/k, ..., 1}: the virtual value of m/k is (2m - k)/k,
   * so the revenue is sum_m P(max value = m/k) max((2m - k)/k, 0), P(max = m/k) = (m/k)^n - ((m - 1)/k)^n.
   */
  private static double myerson(int n, int k) {
    BigFraction sum = BigFraction.ZERO;
    for (int m = 1; m <= k; m++) {
      BigFraction phi = new BigFraction(2 * m - k, k);
      if (phi.getNumerator().signum() > 0) {
        BigFraction p = new BigFraction(m, k).pow(n).subtract(new BigFraction(m - 1, k).pow(n));
        sum = sum.add(p.multiply(phi));
      }
    }
    return sum.doubleValue();
  }

  @Test
  void autoReducesALargeSymmetricAuction() throws Exception {
    // 3 bidders x 10 values: 31,000 rows (> 20,000), bidders interchangeable (group S3 of order 6).
    SolveReport report = MechanismSolver.solve(ProblemReader.read(auction(3, 10), "auction"), SolveOptions.defaults());

    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.objective()).isCloseTo(myerson(3, 10), within(1e-9)); // 123/200
    assertThat(report.strategy().strategy()).isEqualTo("symmetric");
    assertThat(report.strategy().reason()).isEqualTo("auto: 31,000 rows and interchangeable agents; group order 6");
    assertThat(report.strategy().icRowsUsed()).isLessThan(report.strategy().icRowsTotal());
    assertThat(report.verification().maxViolation()).isLessThanOrEqualTo(1e-9);
  }

  @Test
  void autoKeepsSmallSymmetricProblemsFull() throws Exception {
    SolveReport report = MechanismSolver.solve(ProblemReader.read(auction(2, 3), "auction"), SolveOptions.defaults());

    assertThat(report.strategy().strategy()).isEqualTo("full");
    assertThat(report.objective()).isCloseTo(2.0 / 3, within(1e-9)); // myerson(2, 3): values scaled by 1/3
  }

  @Test
  void requestedSymmetryWithoutInterchangeableAgentsSolvesTheFullLp() throws Exception {
    SolveReport report =
        MechanismSolver.solve(
            SymmetriesTest.instance("bilateral-trade"), SolveOptions.defaults().withStrategy(Strategy.SYMMETRIC));

    // A buyer and a seller are not interchangeable. Golden value: the instance's expect block (21/125), cross-checked
    // by an independent interim-form LP in ojAlgo (SecondBestTradeCrossCheckTest).
    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.objective())
        .isCloseTo(Expected.objective("bilateral-trade"), within(1e-9));
    assertThat(report.strategy().strategy()).isEqualTo("full");
    assertThat(report.strategy().reason()).startsWith("requested; no interchangeable agents");
  }
}
