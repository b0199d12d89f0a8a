package org.mechlp.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.report.SolveStatus;

class ReducedBenchTest {
  @Test
  void quickSeriesMatchesTheClosedFormMyersonRevenue() throws Exception {
    // 3 i.i.d. bidders, values j/10 uniform: φ_j = (2j - 10)/10 (monotone, no ironing), P(top index = m) =
    // (m^3 - (m-1)^3)/1000, so E[max φ^+] = (0.2*91 + 0.4*127 + 0.6*169 + 0.8*217 + 1.0*271)/1000 = 0.615.
    StringWriter progress = new StringWriter();
    List<ReducedBench.Result> results =
        new ReducedBench(BackendSettings.defaults(), new PrintWriter(progress)).run(ReducedBench.series(true));

    assertThat(results).hasSize(1);
    ReducedBench.Result r = results.get(0);
    assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(r.myerson().doubleValue()).isEqualTo(0.615);
    assertThat(r.revenue()).isCloseTo(0.615, within(1e-9));
    assertThat(r.agrees()).isTrue();
    assertThat(ReducedBench.markdown(results)).contains("| auction-bic-n3-k10 | 1000 | ");
  }
}
