package org.mechlp.solver.diagnose;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.mechlp.solver.families.FeasibilityFamily;
import org.mechlp.solver.families.FixedAllocationFamily;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;

/** Test helper: the definition's families plus the rows of an LP with the given names, re-selected from scratch. */
final class RowsByName {
  private RowsByName() {}

  static List<ConstraintFamily> select(LinearProgram lp, List<String> names) {
    List<ConstraintFamily> out = new ArrayList<>();
    for (ConstraintFamily family : lp.families()) {
      if (family.id().equals(FeasibilityFamily.ID) || family.id().equals(FixedAllocationFamily.ID)) {
        out.add(family);
        continue;
      }
      BitSet chosen = new BitSet();
      int[] position = {0};
      family.forEachRow(
          row -> {
            if (names.contains(row.name())) {
              chosen.set(position[0]);
            }
            position[0]++;
          });
      out.add(new RowSubsetFamily(family, chosen));
    }
    return out;
  }
}
