package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code solve --strategy}: the report says which strategy ran, and a reduced form that does not fit is refused. */
class StrategyCommandTest {
  @Test
  void theReducedFormOnABicAuctionIsNamedInTheReport() {
    CliRun r = CliRun.run("solve", CliRun.instance("myerson-two-bidders-bic"), "--strategy", "reduced");

    // Golden value 2 (discrete virtual values (-1, 1, 3)); 9 profiles, so the ex post mechanism is built too.
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .containsPattern("objective +2 ")
        .containsPattern("strategy +reduced \\(requested; \\d+ rounds?, \\d+ Border cuts?; the ex post mechanism");
  }

  @Test
  void theReducedFormOnADsicProblemIsAUsageErrorWithTheReason() {
    CliRun r = CliRun.run("solve", CliRun.instance("myerson-two-bidders"), "--strategy", "reduced");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("--strategy reduced: the reduced form needs ic = bic");
    assertThat(r.out()).isEmpty();
  }
}
