package org.mechlp.solver.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;

/** The built-in mechanism rows of a comparison, against values derived by hand. */
class BuiltInRowsTest {
  static Comparison compare(String name) throws Exception {
    Problem problem = ProblemReader.read(Path.of(System.getProperty("instances.dir"), name + ".json"));
    return Comparisons.compare(problem, CompareOptions.defaults(ClassicBuiltIns.INSTANCE).withJobs(2));
  }

  static BigFraction exact(Quantity q) {
    assertThat(q).isNotNull();
    assertThat(q.exact()).as("exact value").isNotNull();
    return q.exact();
  }

  static BigFraction f(int numerator, int denominator) {
    return new BigFraction(numerator, denominator);
  }

  /**
   * Two bidders, values independent and uniform on {1, 2, 3}, the problem's constraints DSIC and ex post IR.
   *
   * <ul>
   *   <li>VCG and the second-price auction charge the winner the other's value: revenue E[min(v1, v2)] = 1 + P(min
   *       >= 2) + P(min >= 3) = 1 + 4/9 + 1/9 = 14/9; the allocation is efficient, welfare E[max v] = (1 + 2·3 +
   *       3·5)/9 = 22/9; both are DSIC and ex post IR, so no row is violated. The optimum earns 2 (Myerson), so VCG
   *       loses 2 - 14/9 = 4/9.
   *   <li>Groves with h = 0 pays each agent the others' welfare at the efficient outcome; summed over the two agents
   *       that is the winner's value, so revenue is -E[max v] = -22/9.
   *   <li>AGV is budget balanced at every profile (no costs): revenue 0, welfare 22/9 (efficient). It is BIC, not
   *       DSIC: its transfers are not of the Groves form, which every efficient DSIC mechanism has (Green and Laffont
   *       1977), so some DSIC row is violated.
   *   <li>The best posted price p sells whenever some value is at least p: p = 1 earns 1, p = 2 earns 2·8/9 = 16/9,
   *       p = 3 earns 3·5/9 = 5/3; so 16/9.
   *   <li>Myerson's auction earns the optimum 2.
   * </ul>
   */
  @Test
  void classicalMechanismsOnTheTwoBidderAuction() throws Exception {
    Comparison c = compare("myerson-two-bidders");

    for (String name : new String[] {"vcg", "second-price"}) {
      ComparisonRow row = c.row("built-in/" + name);
      assertThat(row.status()).as(name).isEqualTo(RowStatus.PASSES);
      assertThat(exact(row.metrics().revenue())).as(name).isEqualTo(f(14, 9));
      assertThat(exact(row.metrics().welfare())).as(name).isEqualTo(f(22, 9));
      assertThat(row.violations().total()).as(name).isZero();
    }
    assertThat(exact(c.row("built-in/groves").metrics().revenue())).isEqualTo(f(-22, 9));
    ComparisonRow agv = c.row("built-in/agv");
    assertThat(exact(agv.metrics().revenue())).isEqualTo(BigFraction.ZERO);
    assertThat(exact(agv.metrics().welfare())).isEqualTo(f(22, 9));
    assertThat(agv.status()).isEqualTo(RowStatus.VIOLATES);
    assertThat(agv.violations().ic()).isPositive();
    assertThat(agv.violations().budget()).isZero();
    assertThat(exact(c.row("built-in/posted-price").metrics().revenue())).isEqualTo(f(16, 9));
    assertThat(exact(c.row("built-in/myerson").metrics().revenue())).isEqualTo(f(2, 1));

    Gap loss = c.gaps().stream().filter(g -> g.id().equals("vcg-revenue-loss")).findFirst().orElseThrow();
    assertThat(loss.better()).isEqualTo("dsic/expost-ir");
    assertThat(exact(loss.value())).isEqualTo(f(4, 9));
  }

  /**
   * Cremer-McLean (values {1, 2}, correlated prior (1/3, 1/6; 1/6, 1/3), BIC and interim IR): VCG charges the
   * winner the other's value, E[min] = 1·2/3 + 2·1/3 = 4/3, and being DSIC and ex post IR it meets BIC and interim
   * IR; the optimum extracts the full surplus 5/3, so VCG loses 1/3. Myerson's auction needs independent types.
   */
  @Test
  void correlatedTypes() throws Exception {
    Comparison c = compare("cremer-mclean");

    assertThat(c.row("built-in/vcg").status()).isEqualTo(RowStatus.PASSES);
    assertThat(exact(c.row("built-in/vcg").metrics().revenue())).isEqualTo(f(4, 3));
    assertThat(c.row("built-in/myerson").status()).isEqualTo(RowStatus.NOT_APPLICABLE);
    assertThat(c.row("built-in/myerson").note()).isNotBlank();
    Gap loss = c.gaps().stream().filter(g -> g.id().equals("vcg-revenue-loss")).findFirst().orElseThrow();
    assertThat(exact(loss.value())).isEqualTo(f(1, 3));
  }
}
