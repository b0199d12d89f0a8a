package org.mechlp.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Number and text conversions of the CSV and LaTeX mechanism tables. */
class MechanismTablesTest {
  @Test
  void csvNumbersDropTheSolversLastBitNoise() {
    assertThat(MechanismTables.precise(2.0000000000000004)).isEqualTo("2");
    assertThat(MechanismTables.precise(-1e-17)).isEqualTo("0");
    assertThat(MechanismTables.precise(1.0 / 3)).isEqualTo("0.333333333333");
  }

  @Test
  void latexEscapesItsSpecialCharacters() {
    assertThat(MechanismTables.escape("a_b & 50% #1 {x}")).isEqualTo("a\\_b \\& 50\\% \\#1 \\{x\\}");
  }
}
