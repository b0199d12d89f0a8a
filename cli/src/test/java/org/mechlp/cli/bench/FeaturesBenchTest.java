package org.mechlp.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.report.SolveStatus;

class FeaturesBenchTest {
  @Test
  void quickSeriesSolvesOverFeaturesWithTheUnreducedOptimum() throws Exception {
    StringWriter progress = new StringWriter();
    List<FeaturesBench.Result> results =
        new FeaturesBench(BackendSettings.defaults(), new PrintWriter(progress)).run(FeaturesBench.quickSeries());

    assertThat(results).hasSize(2);
    for (FeaturesBench.Result r : results) {
      assertThat(r.features().status()).isEqualTo(SolveStatus.OPTIMAL);
      assertThat(r.features().strategy().strategy()).isEqualTo("features");
      // The unreduced lazy solve is the independent computation: same optimum, every IC pair checked by both.
      assertThat(r.baseline().strategy().strategy()).isEqualTo("lazy");
      assertThat(r.agrees()).isTrue();
      assertThat(r.features().verification().rowsChecked())
          .isEqualTo(r.baseline().verification().rowsChecked());
    }
    // Three items: 4 columns per type instead of 9.
    assertThat(results.get(1).features().size().columns()).isEqualTo(216 * 4);
    assertThat(FeaturesBench.markdown(results)).contains("| additive-m2-N30 | 900 | 809100 | features | ");
  }
}
