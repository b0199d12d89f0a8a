package org.mechlp.solver.lp.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.Row;

/**
 * A linear program with every row materialized and every name made acceptable to LP and MPS readers, shared by
 * the two writers. Holding the rows is fine here: an export is asked for explicitly, to load the whole LP into
 * another solver, which holds it too. An objective constant becomes a column fixed at 1 (readers disagree on
 * how a constant is written), so the exported optimum equals mechlp's.
 */
final class ExportedLp {
  /** The name of the column that carries a non-zero objective constant. */
  static final String CONSTANT_COLUMN = "objective_constant";

  final boolean maximize;
  final List<String> columnNames = new ArrayList<>();
  final List<ColumnBounds> bounds = new ArrayList<>();
  final List<BigFraction> objective = new ArrayList<>();
  final List<Boolean> integer = new ArrayList<>();
  final List<Row> rows = new ArrayList<>();
  final List<String> rowNames = new ArrayList<>();

  ExportedLp(LinearProgram lp) {
    LinearObjective objectiveOf = lp.objective();
    this.maximize = objectiveOf.maximize();
    Set<String> used = new HashSet<>();
    used.add("obj");
    for (int j = 0; j < lp.columnCount(); j++) {
      columnNames.add(unique(name(lp.columnName(j), "c"), used));
      bounds.add(lp.bounds().get(j));
      objective.add(objectiveOf.coefficients()[j]);
      integer.add(lp.isInteger(j));
    }
    if (objectiveOf.constant().getNumerator().signum() != 0) {
      columnNames.add(unique(CONSTANT_COLUMN, used));
      bounds.add(new ColumnBounds(BigFraction.ONE, BigFraction.ONE));
      objective.add(objectiveOf.constant());
      integer.add(false);
    }
    for (ConstraintFamily family : lp.families()) {
      family.forEachRow(
          row -> {
            rows.add(row);
            rowNames.add(unique(name(row.name(), "r"), used));
          });
    }
  }

  int columnCount() {
    return columnNames.size();
  }

  /**
   * A name LP and MPS readers accept: brackets become parentheses, separators dots, an arrow an underscore
   * ({@code ic-dsic[b1:v3->v2|b2=v1]} becomes {@code ic_dsic(b1.v3_v2.b2.v1)}); any other character outside
   * letters, digits and {@code _.(),} becomes an underscore. A name that does not start with a letter gets
   * {@code prefix} and an underscore in front (LP readers take a leading digit or "e" plus digit as a number).
   */
  static String name(String name, String prefix) {
    StringBuilder sb = new StringBuilder(name.length() + 2);
    for (char ch : name.replace("->", "_").toCharArray()) {
      if (ch == '[') {
        sb.append('(');
      } else if (ch == ']') {
        sb.append(')');
      } else if (ch == ':' || ch == '=' || ch == '|') {
        sb.append('.');
      } else if (ch == '-') {
        sb.append('_');
      } else {
        sb.append(ch < 128 && (Character.isLetterOrDigit(ch) || "_.(),".indexOf(ch) >= 0) ? ch : '_');
      }
    }
    boolean startsWell =
        !sb.isEmpty()
            && Character.isLetter(sb.charAt(0))
            && !((sb.charAt(0) == 'e' || sb.charAt(0) == 'E') && sb.length() > 1 && Character.isDigit(sb.charAt(1)));
    return startsWell ? sb.toString() : prefix + "_" + sb;
  }

  /** {@code name}, or {@code name_2}, {@code name_3}... when two sanitized names would coincide. */
  private static String unique(String name, Set<String> used) {
    if (used.add(name)) {
      return name;
    }
    for (int k = 2; ; k++) {
      String candidate = name + "_" + k;
      if (used.add(candidate)) {
        return candidate;
      }
    }
  }
}
