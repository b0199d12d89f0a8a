package org.mechlp.solver.families;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.apache.commons.math3.fraction.BigFraction;
import org.assertj.core.api.Assertions;
import org.mechlp.model.Fractions;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;

/**
 * Assertions on the rows of one constraint family, written in a small text syntax: {@code name: 3 x[...] - 1 t[...]
 * >= 0}, terms in column order with exact coefficients ({@link Fractions#format}). Every assertion also checks the
 * family's invariants: {@code rowCount()} equals the rows emitted, names are unique, columns strictly increase and
 * no coefficient is zero.
 */
public final class FamilyAssert {
  private final ConstraintFamily family;
  private final VariableIndex variables;
  private final List<Row> rows;

  private FamilyAssert(ConstraintFamily family, VariableIndex variables) {
    this.family = family;
    this.variables = variables;
    this.rows = family.rows();
  }

  /** Starts assertions on {@code family}, whose columns are {@code variables}. */
  public static FamilyAssert assertThat(ConstraintFamily family, VariableIndex variables) {
    return new FamilyAssert(family, variables).satisfiesInvariants();
  }

  /** A row as text, for example {@code ic-bic[buyer:high->low]: -3 x[buyer=low|sold] + 3 x[...] >= 0}. */
  public static String format(Row row, IntFunction<String> columnNames) {
    StringBuilder sb = new StringBuilder(row.name()).append(": ");
    for (int k = 0; k < row.columns().length; k++) {
      BigFraction c = row.coefficients()[k];
      boolean negative = c.getNumerator().signum() < 0;
      String magnitude = Fractions.format(c.abs());
      if (k == 0) {
        sb.append(negative ? "-" : "").append(magnitude);
      } else {
        sb.append(negative ? " - " : " + ").append(magnitude);
      }
      sb.append(' ').append(columnNames.apply(row.columns()[k]));
    }
    if (row.columns().length == 0) {
      sb.append('0');
    }
    return sb.append(' ').append(row.sense().symbol()).append(' ').append(Fractions.format(row.rhs())).toString();
  }

  /** Every row as text, in emission order. */
  public List<String> texts() {
    List<String> texts = new ArrayList<>();
    for (Row r : rows) {
      texts.add(format(r, variables::columnName));
    }
    return texts;
  }

  /** The family emits exactly these rows, in this order. */
  public FamilyAssert hasRows(String... expected) {
    Assertions.assertThat(texts()).containsExactly(expected);
    return this;
  }

  /** The family emits these rows among others, in this relative order. */
  public FamilyAssert containsRows(String... expected) {
    Assertions.assertThat(texts()).containsSubsequence(expected);
    return this;
  }

  /** The family emits {@code count} rows. */
  public FamilyAssert hasRowCount(long count) {
    Assertions.assertThat(rows).hasSize((int) count);
    return this;
  }

  /** The rows' descriptions, in emission order, are exactly these. */
  public FamilyAssert describesRows(String... expected) {
    Assertions.assertThat(rows.stream().map(Row::describe).toList()).containsExactly(expected);
    return this;
  }

  /** The agents the rows protect ({@link ConstraintFamily#agentOf}), in emission order, are exactly these. */
  public FamilyAssert protectsAgents(Integer... expected) {
    Assertions.assertThat(rows.stream().map(r -> family.agentOf(r.key())).toList())
        .containsExactly(expected);
    return this;
  }

  private FamilyAssert satisfiesInvariants() {
    Assertions.assertThat(rows)
        .as("rows emitted by %s vs rowCount()", family.id())
        .hasSize((int) family.rowCount());
    Set<String> names = new HashSet<>();
    for (Row r : rows) {
      Assertions.assertThat(names.add(r.name())).as("row name %s is unique", r.name()).isTrue();
      Assertions.assertThat(r.name()).startsWith(family.id());
      Assertions.assertThat(r.describe()).isNotBlank();
      for (int k = 0; k < r.columns().length; k++) {
        Assertions.assertThat(r.coefficients()[k].getNumerator().signum())
            .as("coefficient in %s", r.name())
            .isNotZero();
        Assertions.assertThat(r.columns()[k]).isBetween(0, variables.columnCount() - 1);
        if (k > 0) {
          Assertions.assertThat(r.columns()[k])
              .as("columns of %s increase", r.name())
              .isGreaterThan(r.columns()[k - 1]);
        }
      }
    }
    // Streaming twice gives the same rows: families are pure.
    List<String> again = new ArrayList<>();
    family.forEachRow(r -> again.add(format(r, variables::columnName)));
    Assertions.assertThat(again).isEqualTo(texts());
    return this;
  }
}
