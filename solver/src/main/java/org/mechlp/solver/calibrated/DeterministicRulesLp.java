package org.mechlp.solver.calibrated;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.IcKind;
import org.mechlp.model.IrKind;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * The exact LP for calibrated mechanisms with deterministic stage-2 rules (docs/THEORY.md P3), valid for one agent when
 * types are independent of the state or there are no transfers. By the revelation principle for signals the signal
 * is the recommended deterministic rule d: types -> outcomes (m^k candidates); for a fixed d the best transfers'
 * value is concave in the posterior, so one signal per rule is without loss. Columns: z(w, d) = Pr(state w,
 * recommend d) >= 0 at {@code d * w + state}, then (with transfers) T_d(θ) = Pr(d) τ_d(θ), free. Rows:
 *
 * <pre>
 * sum_d z(w, d) = mu0(w)                                                                  for every state w
 * sum_w z(w, d) p(θ|w)/p(θ) [u(d(θ), θ, w) - u(d(θ'), θ, w)] - (T_d(θ) - T_d(θ')) >= 0    for every d, θ != θ'
 * sum_w z(w, d) p(θ|w)/p(θ) [u(d(θ), θ, w) - ubar(θ)] - T_d(θ) >= 0                       for every d, θ
 * </pre>
 *
 * for types with p(θ) > 0, and the objective sum_d sum_θ [sum_w z(w, d) p(θ|w) c(d(θ), θ, w) + alpha p(θ)
 * T_d(θ)]. The agent's belief given (θ, d) is proportional to z(w, d) p(θ|w), so the rows are IC and IR under its
 * posterior; the transfer terms are linear only because p(θ|w) = p(θ) when transfers exist (docs/THEORY.md P3).
 */
final class DeterministicRulesLp {
  /** Rules are enumerated: m^k must stay below this. */
  static final int MAX_RULES = 20_000;

  private DeterministicRulesLp() {}

  /** Whether P3 is exact for {@code d}: one agent, and types independent of the state or no transfers. */
  static boolean applies(CalibratedData d) {
    if (d.agents != 1 || Math.pow(d.outcomes, d.types) > MAX_RULES) {
      return false;
    }
    if (!d.transfers) {
      return true;
    }
    for (int t = 0; t < d.types; t++) {
      BigFraction first = null;
      for (int w = 0; w < d.states; w++) {
        if (Fractions.isZero(d.statePrior[w])) {
          continue;
        }
        if (first == null) {
          first = d.likelihood[w][t];
        } else if (!first.equals(d.likelihood[w][t])) {
          return false;
        }
      }
    }
    return true;
  }

  /** The outcome rule {@code rule} gives type {@code type}: the rule's index in base m, type 0 least significant. */
  static int outcome(CalibratedData d, int rule, int type) {
    int code = rule;
    for (int t = 0; t < type; t++) {
      code /= d.outcomes;
    }
    return code % d.outcomes;
  }

  static LinearProgram build(CalibratedData d) {
    int rules = (int) Math.pow(d.outcomes, d.types);
    int zColumns = rules * d.states;
    int columns = zColumns + (d.transfers ? rules * d.types : 0);
    List<ColumnBounds> bounds = new ArrayList<>(columns);
    for (int c = 0; c < columns; c++) {
      bounds.add(c < zColumns ? ColumnBounds.NON_NEGATIVE : ColumnBounds.FREE);
    }
    // p(θ): with independent types any state of positive probability gives it.
    BigFraction[] typeProbability = new BigFraction[d.types];
    for (int t = 0; t < d.types; t++) {
      typeProbability[t] = d.typeProbability(d.statePrior, t);
    }
    BigFraction[] objective = new BigFraction[columns];
    java.util.Arrays.fill(objective, BigFraction.ZERO);
    for (int r = 0; r < rules; r++) {
      for (int t = 0; t < d.types; t++) {
        int x = outcome(d, r, t);
        for (int w = 0; w < d.states; w++) {
          objective[r * d.states + w] =
              objective[r * d.states + w].add(d.likelihood[w][t].multiply(d.payoff[w][t][x]));
        }
        if (d.transfers) {
          objective[zColumns + r * d.types + t] = typeProbability[t].multiply(d.alpha);
        }
      }
    }
    List<ConstraintFamily> families = new ArrayList<>();
    families.add(new Rows(d, rules, zColumns, Kind.PRIOR));
    if (d.problem.mechanism().ic() != IcKind.NONE) {
      families.add(new Rows(d, rules, zColumns, Kind.IC));
    }
    if (d.problem.mechanism().ir() != IrKind.NONE) {
      families.add(new Rows(d, rules, zColumns, Kind.IR));
    }
    return new LinearProgram(
        bounds,
        c -> c < zColumns ? "z[" + d.stateName(c % d.states) + "|rule" + c / d.states + "]"
            : "T[rule" + (c - zColumns) / d.types + "|" + d.typeName((c - zColumns) % d.types) + "]",
        new LinearObjective(true, objective, BigFraction.ZERO),
        families);
  }

  private enum Kind {
    PRIOR,
    IC,
    IR
  }

  /** One of the three row families of P3. */
  private static final class Rows implements ConstraintFamily {
    private final CalibratedData d;
    private final int rules;
    private final int zColumns;
    private final Kind kind;

    Rows(CalibratedData d, int rules, int zColumns, Kind kind) {
      this.d = d;
      this.rules = rules;
      this.zColumns = zColumns;
      this.kind = kind;
    }

    @Override
    public String id() {
      return switch (kind) {
        case PRIOR -> "rule-prior";
        case IC -> "ic-rule";
        case IR -> "ir-rule";
      };
    }

    @Override
    public String title() {
      return id();
    }

    @Override
    public long rowCount() {
      long possible = 0;
      for (int t = 0; t < d.types; t++) {
        if (!Fractions.isZero(d.typeProbability(d.statePrior, t))) {
          possible++;
        }
      }
      return switch (kind) {
        case PRIOR -> d.states;
        case IC -> rules * possible * (d.types - 1);
        case IR -> rules * possible;
      };
    }

    @Override
    public void forEachRow(Consumer<Row> sink) {
      if (kind == Kind.PRIOR) {
        for (int w = 0; w < d.states; w++) {
          Map<Integer, BigFraction> terms = new HashMap<>();
          for (int r = 0; r < rules; r++) {
            PosteriorLayout.add(terms, r * d.states + w, BigFraction.ONE);
          }
          sink.accept(PosteriorLayout.row(this, new int[] {w}, terms, Sense.EQ, d.statePrior[w]));
        }
        return;
      }
      for (int r = 0; r < rules; r++) {
        for (int t = 0; t < d.types; t++) {
          int x = outcome(d, r, t);
          BigFraction pt = d.typeProbability(d.statePrior, t);
          if (Fractions.isZero(pt)) {
            continue;
          }
          if (kind == Kind.IR) {
            Map<Integer, BigFraction> terms = new HashMap<>();
            for (int w = 0; w < d.states; w++) {
              BigFraction belief = d.likelihood[w][t].divide(pt);
              PosteriorLayout.add(
                  terms, r * d.states + w, belief.multiply(d.utility[w][t][x].subtract(d.outside[t])));
            }
            if (d.transfers) {
              PosteriorLayout.add(terms, zColumns + r * d.types + t, BigFraction.MINUS_ONE);
            }
            sink.accept(PosteriorLayout.row(this, new int[] {r, t}, terms, Sense.GE, BigFraction.ZERO));
            continue;
          }
          for (int lie = 0; lie < d.types; lie++) {
            if (lie == t) {
              continue;
            }
            int y = outcome(d, r, lie);
            Map<Integer, BigFraction> terms = new HashMap<>();
            for (int w = 0; w < d.states; w++) {
              BigFraction belief = d.likelihood[w][t].divide(pt);
              PosteriorLayout.add(
                  terms, r * d.states + w, belief.multiply(d.utility[w][t][x].subtract(d.utility[w][t][y])));
            }
            if (d.transfers) {
              PosteriorLayout.add(terms, zColumns + r * d.types + t, BigFraction.MINUS_ONE);
              PosteriorLayout.add(terms, zColumns + r * d.types + lie, BigFraction.ONE);
            }
            sink.accept(PosteriorLayout.row(this, new int[] {r, t, lie}, terms, Sense.GE, BigFraction.ZERO));
          }
        }
      }
    }

    @Override
    public String rowName(int[] key) {
      return switch (kind) {
        case PRIOR -> "rule-prior[" + d.stateName(key[0]) + "]";
        case IC -> "ic-rule[rule" + key[0] + "|" + d.typeName(key[1]) + "->" + d.typeName(key[2]) + "]";
        case IR -> "ir-rule[rule" + key[0] + "|" + d.typeName(key[1]) + "]";
      };
    }

    @Override
    public String describe(int[] key) {
      return switch (kind) {
        case PRIOR -> "Bayes plausibility: the recommendations average to the prior of state " + d.stateName(key[0]);
        case IC -> "IC (recommended rule " + key[0] + "): type " + d.typeName(key[1]) + " must not gain by reporting "
            + d.typeName(key[2]);
        case IR -> "IR (recommended rule " + key[0] + "): type " + d.typeName(key[1])
            + " must get at least its outside option";
      };
    }

    @Override
    public boolean isIncentiveConstraint() {
      return kind == Kind.IC;
    }

    @Override
    public int agentOf(int[] key) {
      return kind == Kind.PRIOR ? -1 : 0;
    }
  }
}
