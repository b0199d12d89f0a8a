package org.mechlp.solver.ortools;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.Row;

/**
 * How a program's objective and rows become an OR-Tools model, in one place so that a one-shot solve
 * ({@link OrToolsLpSolver}) and a kept-alive session ({@link OrToolsLpSession}) build the same model.
 */
final class MpModel {
  private MpModel() {}

  /** Sets {@code target} to {@code objective} over {@code columns} (zero coefficients are left out). */
  static void setObjective(MPObjective target, MPVariable[] columns, LinearObjective objective) {
    BigFraction[] c = objective.coefficients();
    for (int j = 0; j < columns.length; j++) {
      if (c[j].getNumerator().signum() != 0) {
        target.setCoefficient(columns[j], c[j].doubleValue());
      }
    }
    target.setOffset(objective.constant().doubleValue());
    if (objective.maximize()) {
      target.setMaximization();
    } else {
      target.setMinimization();
    }
  }

  /** Adds {@code row} to {@code solver} over {@code columns} as a ranged constraint named {@code name}. */
  static MPConstraint addRow(MPSolver solver, MPVariable[] columns, Row row, String name) {
    double infinity = MPSolver.infinity();
    double rhs = row.rhs().doubleValue();
    double lower =
        switch (row.sense()) {
          case LE -> -infinity;
          case GE, EQ -> rhs;
        };
    double upper =
        switch (row.sense()) {
          case GE -> infinity;
          case LE, EQ -> rhs;
        };
    MPConstraint constraint = solver.makeConstraint(lower, upper, name);
    int[] cols = row.columns();
    BigFraction[] coefficients = row.coefficients();
    for (int k = 0; k < cols.length; k++) {
      constraint.setCoefficient(columns[cols[k]], coefficients[k].doubleValue());
    }
    return constraint;
  }
}
