package org.mechlp.solver.calibrated;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * The standard (non-calibrated) BIC LP with a designer who knows the state (docs/THEORY.md P4): the rule may condition
 * on the state, q(x | w, θ) and τ(w, θ), and the agent, who knows only its type, must find truth-telling optimal in
 * expectation over the state. Every calibrated mechanism induces such a mechanism (docs/THEORY.md, sandwich), so
 * its optimum is an upper bound on every calibrated value. Columns: q at {@code (w k + θ) m + x}, then τ at
 * {@code w k m + w k + θ}; transfer bounds are column bounds.
 */
final class StateContingentLp {
  private StateContingentLp() {}

  static LinearProgram build(CalibratedData d) {
    return build(d, List.of(allStates(d)), List.of("all"));
  }

  /** Every state of positive probability, as one cell. */
  static int[] allStates(CalibratedData d) {
    return java.util.stream.IntStream.range(0, d.states)
        .filter(w -> !Fractions.isZero(d.statePrior[w]))
        .toArray();
  }

  /**
   * The LP whose IC and IR rows hold within each cell of states (the agent knows the cell, not the state): with one
   * cell of all states it is P4; with the cells a mechanism reveals it is the calibration check C1 (docs/THEORY.md,
   * Checking a calibrated mechanism).
   */
  static LinearProgram build(CalibratedData d, List<int[]> cells, List<String> cellNames) {
    d.requireSingleAgent("the state-contingent BIC LP (docs/THEORY.md P4)");
    int k = d.types;
    int m = d.outcomes;
    int w = d.states;
    int allocationColumns = w * k * m;
    int columns = allocationColumns + (d.transfers ? w * k : 0);
    List<ColumnBounds> bounds = new ArrayList<>(columns);
    for (int c = 0; c < allocationColumns; c++) {
      bounds.add(ColumnBounds.NON_NEGATIVE);
    }
    for (int c = allocationColumns; c < columns; c++) {
      bounds.add(new ColumnBounds(d.lowerTransfer, d.upperTransfer));
    }
    BigFraction[] objective = new BigFraction[columns];
    java.util.Arrays.fill(objective, BigFraction.ZERO);
    for (int s = 0; s < w; s++) {
      for (int t = 0; t < k; t++) {
        BigFraction f = d.statePrior[s].multiply(d.likelihood[s][t]);
        for (int x = 0; x < m; x++) {
          objective[(s * k + t) * m + x] = f.multiply(d.payoff[s][t][x]);
        }
        if (d.transfers) {
          objective[allocationColumns + s * k + t] = f.multiply(d.alpha);
        }
      }
    }
    Families families = new Families(d, allocationColumns);
    List<ConstraintFamily> rows = new ArrayList<>();
    rows.add(families.feasibility());
    for (int c = 0; c < cells.size(); c++) {
      boolean single = cells.size() == 1;
      String suffix = single ? "" : "@" + cellNames.get(c);
      if (d.problem.mechanism().ic() != org.mechlp.model.IcKind.NONE) {
        rows.add(families.ic(cells.get(c), suffix));
      }
      if (d.problem.mechanism().ir() != org.mechlp.model.IrKind.NONE) {
        rows.add(families.ir(cells.get(c), suffix));
      }
    }
    return new LinearProgram(
        bounds,
        c -> columnName(d, allocationColumns, c),
        new LinearObjective(true, objective, BigFraction.ZERO),
        rows);
  }

  private static String columnName(CalibratedData d, int allocationColumns, int c) {
    int k = d.types;
    int m = d.outcomes;
    if (c < allocationColumns) {
      int cell = c / m;
      return "q[" + d.stateName(cell / k) + "|" + d.typeName(cell % k) + "|" + d.outcomeName(c % m) + "]";
    }
    int cell = c - allocationColumns;
    return "t[" + d.stateName(cell / k) + "|" + d.typeName(cell % k) + "]";
  }

  /** The three row families of P4, sharing the column layout. */
  private static final class Families {
    private final CalibratedData d;
    private final int allocationColumns;

    Families(CalibratedData d, int allocationColumns) {
      this.d = d;
      this.allocationColumns = allocationColumns;
    }

    int q(int state, int type, int outcome) {
      return (state * d.types + type) * d.outcomes + outcome;
    }

    int tau(int state, int type) {
      return allocationColumns + state * d.types + type;
    }

    /** f(C, θ) = sum_{w in C} mu0(w) p(θ | w). */
    BigFraction typeProbability(int[] cell, int type) {
      BigFraction p = BigFraction.ZERO;
      for (int w : cell) {
        p = p.add(d.statePrior[w].multiply(d.likelihood[w][type]));
      }
      return p;
    }

    /** The agent's belief f(w | θ, C) for w in the cell C. */
    BigFraction belief(int[] cell, int state, int type) {
      return d.statePrior[state].multiply(d.likelihood[state][type]).divide(typeProbability(cell, type));
    }

    ConstraintFamily feasibility() {
      return new Simple(
          "state-feasibility",
          (long) d.states * d.types,
          sink -> {
            for (int s = 0; s < d.states; s++) {
              for (int t = 0; t < d.types; t++) {
                Map<Integer, BigFraction> terms = new HashMap<>();
                for (int x = 0; x < d.outcomes; x++) {
                  PosteriorLayout.add(terms, q(s, t, x), BigFraction.ONE);
                }
                sink.accept(new int[] {s, t}, terms, Sense.EQ, BigFraction.ONE);
              }
            }
          },
          key -> "state-feasibility[" + d.stateName(key[0]) + "|" + d.typeName(key[1]) + "]",
          key -> "Feasibility: in state " + d.stateName(key[0]) + " the lottery for " + d.typeName(key[1])
              + " sums to 1");
    }

    ConstraintFamily ic(int[] cell, String suffix) {
      long rows = 0;
      for (int t = 0; t < d.types; t++) {
        if (!Fractions.isZero(typeProbability(cell, t))) {
          rows += d.types - 1;
        }
      }
      return new Simple(
          "ic-bic" + suffix,
          rows,
          sink -> {
            for (int t = 0; t < d.types; t++) {
              if (Fractions.isZero(typeProbability(cell, t))) {
                continue;
              }
              for (int r = 0; r < d.types; r++) {
                if (r == t) {
                  continue;
                }
                Map<Integer, BigFraction> terms = new HashMap<>();
                for (int s : cell) {
                  BigFraction b = belief(cell, s, t);
                  for (int x = 0; x < d.outcomes; x++) {
                    BigFraction u = b.multiply(d.utility[s][t][x]);
                    PosteriorLayout.add(terms, q(s, t, x), u);
                    PosteriorLayout.add(terms, q(s, r, x), u.negate());
                  }
                  if (d.transfers) {
                    PosteriorLayout.add(terms, tau(s, t), b.negate());
                    PosteriorLayout.add(terms, tau(s, r), b);
                  }
                }
                sink.accept(new int[] {t, r}, terms, Sense.GE, BigFraction.ZERO);
              }
            }
          },
          key -> "ic-bic" + suffix + "[" + d.typeName(key[0]) + "->" + d.typeName(key[1]) + "]",
          key -> "IC (Bayesian" + cellText(cell, suffix) + "): " + d.agentName() + " of type "
              + d.typeName(key[0]) + " must not gain by reporting " + d.typeName(key[1]));
    }

    String cellText(int[] cell, String suffix) {
      if (suffix.isEmpty()) {
        return ", state known to the designer only";
      }
      StringBuilder sb = new StringBuilder(", knowing the state is in {");
      for (int i = 0; i < cell.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(d.stateName(cell[i]));
      }
      return sb.append('}').toString();
    }

    ConstraintFamily ir(int[] cell, String suffix) {
      long rows = 0;
      for (int t = 0; t < d.types; t++) {
        if (!Fractions.isZero(typeProbability(cell, t))) {
          rows++;
        }
      }
      return new Simple(
          "ir-interim" + suffix,
          rows,
          sink -> {
            for (int t = 0; t < d.types; t++) {
              if (Fractions.isZero(typeProbability(cell, t))) {
                continue;
              }
              Map<Integer, BigFraction> terms = new HashMap<>();
              for (int s : cell) {
                BigFraction b = belief(cell, s, t);
                for (int x = 0; x < d.outcomes; x++) {
                  PosteriorLayout.add(terms, q(s, t, x), b.multiply(d.utility[s][t][x]));
                }
                if (d.transfers) {
                  PosteriorLayout.add(terms, tau(s, t), b.negate());
                }
              }
              sink.accept(new int[] {t}, terms, Sense.GE, d.outside[t]);
            }
          },
          key -> "ir-interim" + suffix + "[" + d.typeName(key[0]) + "]",
          key -> "IR (interim" + cellText(cell, suffix) + "): " + d.agentName() + " of type "
              + d.typeName(key[0]) + " must get at least its outside option");
    }
  }

  /** Receives one row's key, terms, sense and right-hand side. */
  private interface RowSink {
    void accept(int[] key, Map<Integer, BigFraction> terms, Sense sense, BigFraction rhs);
  }

  /** A family given by its row generator and its naming functions. */
  private static final class Simple implements ConstraintFamily {
    private final String id;
    private final long rows;
    private final Consumer<RowSink> generator;
    private final java.util.function.Function<int[], String> name;
    private final java.util.function.Function<int[], String> text;

    Simple(
        String id,
        long rows,
        Consumer<RowSink> generator,
        java.util.function.Function<int[], String> name,
        java.util.function.Function<int[], String> text) {
      this.id = id;
      this.rows = rows;
      this.generator = generator;
      this.name = name;
      this.text = text;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String title() {
      return id;
    }

    @Override
    public long rowCount() {
      return rows;
    }

    @Override
    public void forEachRow(Consumer<Row> sink) {
      generator.accept(
          (key, terms, sense, rhs) -> sink.accept(PosteriorLayout.row(this, key, terms, sense, rhs)));
    }

    @Override
    public String rowName(int[] key) {
      return name.apply(key);
    }

    @Override
    public String describe(int[] key) {
      return text.apply(key);
    }

    @Override
    public boolean isIncentiveConstraint() {
      return id.startsWith("ic");
    }

    @Override
    public int agentOf(int[] key) {
      return id.startsWith("ic") || id.startsWith("ir") ? 0 : -1;
    }
  }
}
