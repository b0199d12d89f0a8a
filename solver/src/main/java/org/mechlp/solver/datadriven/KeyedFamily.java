package org.mechlp.solver.datadriven;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;

/**
 * A data-driven constraint family whose rows are listed by key up front (the LPs are small: one row per agent, true
 * profile and misreport at most), each built on demand from its key.
 */
abstract class KeyedFamily implements ConstraintFamily {
  final DataDrivenLayout layout;
  final DataDrivenData data;
  private final List<int[]> keys = new ArrayList<>();
  /** Rows built once: the backend, the verifier and the certifier each stream them. */
  private Row[] built;

  KeyedFamily(DataDrivenLayout layout) {
    this.layout = layout;
    this.data = layout.data;
  }

  /** Registers a row key; subclasses call this from their constructors. */
  final void key(int... key) {
    keys.add(key);
  }

  /** The row with this key. */
  abstract Row build(int[] key);

  @Override
  public final long rowCount() {
    return keys.size();
  }

  @Override
  public final void forEachRow(Consumer<Row> sink) {
    if (built == null) {
      built = new Row[keys.size()];
    }
    for (int k = 0; k < built.length; k++) {
      if (built[k] == null) {
        built[k] = build(keys.get(k));
      }
      sink.accept(built[k]);
    }
  }

  @Override
  public final Row rowOf(int[] key) {
    return build(key);
  }

  /** The name of agent i. */
  final String agent(int i) {
    return data.problem.agents().get(i).name();
  }

  /** The other agents' types in profile t, for row names: {@code b=hi_L}; empty with one agent. */
  final String others(int t, int agent) {
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < data.agents; j++) {
      if (j != agent) {
        sb.append(sb.length() == 0 ? "" : ",").append(agent(j)).append('=').append(data.typeName(j, t));
      }
    }
    return sb.toString();
  }

  /** The other agents' types in words: {@code " when b is hi_L"}; empty with one agent. */
  final String whenOthers(int t, int agent) {
    List<String> parts = new ArrayList<>();
    for (int j = 0; j < data.agents; j++) {
      if (j != agent) {
        parts.add(agent(j) + " is " + data.typeName(j, t));
      }
    }
    return parts.isEmpty() ? "" : " when " + String.join(" and ", parts);
  }
}
