package org.mechlp.solver.diagnose;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.WrappedFamily;

/**
 * A family whose rows get extra terms in new columns (an elastic column, a subsidy, a uniform IR shortfall), so a
 * relaxed row keeps its name and words and the verifier recomputes it, relaxation included, at the solver's point.
 * The extra columns must come after every column the family's rows use.
 */
final class AugmentedFamily extends WrappedFamily {
  /** One extra term {@code coefficient * column}. */
  record Term(int column, BigFraction coefficient) {}

  /** The extra terms of the row at a stream position. */
  @FunctionalInterface
  interface Extra {
    /** The terms to add to {@code row}, the {@code position}-th row of the family (empty for none). */
    List<Term> terms(int position, Row row);
  }

  private final Extra extra;

  /** {@code family} with {@code extra} terms on its rows. */
  AugmentedFamily(ConstraintFamily family, Extra extra) {
    super(family);
    this.extra = Objects.requireNonNull(extra, "extra");
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    int[] position = {0};
    family().forEachRow(
        row -> {
          List<Term> terms = extra.terms(position[0]++, row);
          int n = row.columns().length;
          int[] columns = Arrays.copyOf(row.columns(), n + terms.size());
          BigFraction[] coefficients = Arrays.copyOf(row.coefficients(), n + terms.size());
          for (int k = 0; k < terms.size(); k++) {
            columns[n + k] = terms.get(k).column();
            coefficients[n + k] = terms.get(k).coefficient();
          }
          sink.accept(new Row(this, row.key(), columns, coefficients, row.sense(), row.rhs()));
        });
  }
}
