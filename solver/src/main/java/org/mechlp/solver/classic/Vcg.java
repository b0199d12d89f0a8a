package org.mechlp.solver.classic;

import java.util.List;

/**
 * VCG with the Clarke pivot (Vickrey 1961, Clarke 1971, Groves 1973): the efficient outcome, and each agent pays the
 * externality it imposes on the others. Dominant-strategy IC with private values; it never runs a deficit, and with
 * non-negative values and costless outcomes it is ex post IR.
 */
final class Vcg extends SettingMechanism {
  @Override
  public String name() {
    return "vcg";
  }

  @Override
  public String summary() {
    return "VCG with the Clarke pivot: the efficient outcome, each agent pays its externality on the others";
  }

  @Override
  boolean needsTransfers() {
    return true;
  }

  @Override
  BuiltMechanism build(Setting s, ClassicOptions options) {
    Table table = GrovesRule.build(s, options.tieBreak(), GrovesRule::clarke);
    return new BuiltMechanism(
        name(),
        "VCG (Clarke pivot): the efficient outcome (ties: " + options.tieBreak().json()
            + "); each agent pays the others' best welfare without it minus their welfare at the chosen outcome",
        table.mechanism(),
        List.of());
  }
}
