package org.mechlp.solver.calibrated;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.IcKind;
import org.mechlp.model.StateMechanism;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;

/**
 * The standard bound for any number of agents (docs/THEORY.md, Several agents: a public signal, "The standard
 * bound"): a designer who knows the state runs a state-dependent mechanism q(x | w, θ), τ_i(w, θ), and each agent,
 * knowing only its type, must find truth-telling optimal and participation worthwhile in expectation over the state
 * and the others' types (standard BIC and interim IR; with {@code "ic": "expost"} and several agents, IC for every
 * profile in expectation over the state alone). It is the posterior LP over the state vertices with each vertex's
 * weight fixed to the state's prior, Q_w = mu0(w) q(· | w, ·), and its per-vertex IC and IR rows pooled over the
 * states: summing row_w P_w(θ_i) / f_i(θ_i) (P_w(θ_i) = p(θ_i | w), f_i(θ_i) = sum_w mu0(w) p(θ_i | w)) gives
 *
 * <pre>
 *   sum_{θ_-i, w} f(θ, w) / f_i(θ_i) [sum_x (q(x|w,θ) - q(x|w,θ'_i,θ_-i)) u_i(x,θ,w) - (τ_i(w,θ) - τ_i(w,θ'_i,θ_-i))] >= 0
 * </pre>
 *
 * and the interim IR row alike. Every calibrated mechanism, public-signal or not, satisfies these rows (IC under any
 * information finer than the agent's type, averaged over that information), so the optimum is an upper bound on the
 * calibrated value. For one agent it is the LP of {@link StateContingentLp} in another column layout.
 *
 * <p>Pooled within cells of states instead of over all of them ({@link Cells}), the same rows are the calibration
 * check C1 for several agents: agent i of type θ_i knows the cell of states it can tell apart.
 */
final class StandardBoundLp {
  private StandardBoundLp() {}

  /** The cells of states each agent and type can tell apart (docs/THEORY.md, Several agents: a public signal). */
  interface Cells {
    /** The cell of agent {@code agent} of type {@code type} at the vertex of state layout index {@code g}. */
    int cell(int agent, int type, int g);

    /** The cell's states, for row names, for example {@code L+H}. */
    String name(int agent, int type, int cell);
  }

  /** The layout of the state vertices (states of positive probability), in state order. */
  static PosteriorLayout vertexLayout(CalibratedData d) {
    List<BigFraction[]> vertices = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int w = 0; w < d.states; w++) {
      if (!Fractions.isZero(d.statePrior[w])) {
        vertices.add(PosteriorGrid.vertex(d.states, w));
        names.add("state-" + d.stateName(w));
      }
    }
    return new PosteriorLayout(d, vertices, names);
  }

  /** The state of vertex g. */
  static int stateOf(PosteriorLayout layout, int g) {
    BigFraction[] mu = layout.posteriors.get(g);
    for (int w = 0; w < mu.length; w++) {
      if (!Fractions.isZero(mu[w])) {
        return w;
      }
    }
    throw new IllegalStateException("a vertex without a state");
  }

  /** A state-dependent mechanism as a point of {@link #vertexLayout}: lambda = mu0, Q = mu0 q, T = mu0 τ. */
  static BigFraction[] point(PosteriorLayout layout, StateMechanism mechanism) {
    CalibratedData d = layout.data;
    BigFraction[] x = new BigFraction[layout.columnCount()];
    java.util.Arrays.fill(x, BigFraction.ZERO);
    for (int g = 0; g < layout.count(); g++) {
      int w = stateOf(layout, g);
      BigFraction mu0 = d.statePrior[w];
      x[layout.weight(g)] = mu0;
      for (int p = 0; p < d.types; p++) {
        for (int o = 0; o < d.outcomes; o++) {
          x[layout.allocation(g, p, o)] = mu0.multiply(mechanism.allocation(w, p, o));
        }
        if (d.transfers) {
          for (int i = 0; i < d.agents; i++) {
            x[layout.transfer(g, p, i)] = mu0.multiply(mechanism.transfer(w, p, i));
          }
        }
      }
    }
    return x;
  }

  /** The standard bound's LP. */
  static LinearProgram build(CalibratedData d) {
    return build(d, null);
  }

  /** The LP with IC and IR pooled within {@code cells} (null: over all states, the standard bound). */
  static LinearProgram build(CalibratedData d, Cells cells) {
    PosteriorLayout layout = vertexLayout(d);
    List<BigFraction> weights = new ArrayList<>();
    for (int g = 0; g < layout.count(); g++) {
      weights.add(d.statePrior[stateOf(layout, g)]);
    }
    LinearProgram perState = PosteriorLp.build(layout, weights);
    boolean expost = d.agents > 1 && d.problem.mechanism().ic() == IcKind.EX_POST;
    List<ConstraintFamily> families = new ArrayList<>();
    for (ConstraintFamily family : perState.families()) {
      if (family instanceof PosteriorIcFamily) {
        families.add(expost ? pooledExPostIc(layout, family, cells) : pooledIc(layout, family, cells));
      } else if (family instanceof PosteriorIrFamily) {
        families.add(pooledIr(layout, family, cells));
      } else {
        families.add(family);
      }
    }
    return new LinearProgram(perState.bounds(), perState::columnName, perState.objective(), families);
  }

  /**
   * Pools the rows of agent key[1] of type {@code type.apply(key)} with weight P_g(·) / sum over the vertices in the
   * same cell of mu0 P_g'(·), where {@code mass(g, key)} is P_g of the type (BIC, IR) or of the profile (ex post IC).
   */
  private static final class Pool {
    final PosteriorLayout layout;
    final Cells cells;
    final Function<int[], Integer> type;
    final MassFunction mass;

    interface MassFunction {
      BigFraction of(int g, int[] key);
    }

    Pool(PosteriorLayout layout, Cells cells, Function<int[], Integer> type, MassFunction mass) {
      this.layout = layout;
      this.cells = cells;
      this.type = type;
      this.mass = mass;
    }

    int cellOf(int[] key, int g) {
      return cells == null ? 0 : cells.cell(key[1], type.apply(key), g);
    }

    int[] key(int[] key) {
      int[] rest = java.util.Arrays.copyOfRange(key, 1, key.length);
      if (cells == null) {
        return rest;
      }
      int[] out = new int[rest.length + 1];
      out[0] = cellOf(key, key[0]);
      System.arraycopy(rest, 0, out, 1, rest.length);
      return out;
    }

    BigFraction weight(int[] key) {
      int cell = cellOf(key, key[0]);
      BigFraction total = BigFraction.ZERO;
      for (int g = 0; g < layout.count(); g++) {
        if (cellOf(key, g) == cell) {
          total = total.add(layout.data.statePrior[stateOf(layout, g)].multiply(mass.of(g, key)));
        }
      }
      return mass.of(key[0], key).divide(total);
    }

    /** The pooled key without its cell, and the cell's name prefix for row names ("" without cells). */
    int offset() {
      return cells == null ? 0 : 1;
    }

    String cellPrefix(int[] pooled, int agent, int type) {
      return cells == null ? "" : cells.name(agent, type, pooled[0]) + "|";
    }

    String cellWords(int[] pooled, int agent, int type) {
      return cells == null
          ? "state known to the designer only"
          : "knowing the state is in {" + cells.name(agent, type, pooled[0]).replace("+", ", ") + "}";
    }
  }

  /** Base keys {g, i, θ_i, θ'_i}: weight P_g(θ_i) / f_i(θ_i) within the cell. */
  private static ConstraintFamily pooledIc(PosteriorLayout layout, ConstraintFamily family, Cells cells) {
    CalibratedData d = layout.data;
    Pool pool = new Pool(layout, cells, key -> key[2], (g, key) -> layout.agentTypeProbability(g, key[1], key[2]));
    int o = pool.offset();
    String id = cells == null ? "ic-bic-state" : "ic-bic-cell";
    return new PooledFamily(
        family,
        id,
        "Bayesian incentive compatibility, " + (cells == null ? "the state known to the designer only"
            : "within the cells of states each agent can tell apart"),
        pool::key,
        pool::weight,
        new PooledFamily.Text() {
          @Override
          public String name(int[] key) {
            int i = key[o];
            String who = d.agents == 1 ? "" : d.agentName(i) + ":";
            return id + "[" + pool.cellPrefix(key, i, key[o + 1]) + who + d.agentTypeName(i, key[o + 1]) + "->"
                + d.agentTypeName(i, key[o + 2]) + "]";
          }

          @Override
          public String describe(int[] key) {
            int i = key[o];
            return "IC (Bayesian, " + pool.cellWords(key, i, key[o + 1]) + "): " + d.agentName(i) + " of type "
                + d.agentTypeName(i, key[o + 1]) + " must not gain by reporting " + d.agentTypeName(i, key[o + 2]);
          }

          @Override
          public int agent(int[] key) {
            return key[o];
          }
        });
  }

  /** Base keys {g, i, θ, θ'_i}: weight P_g(θ) / f(θ) within the cell of agent i's type in θ. */
  private static ConstraintFamily pooledExPostIc(PosteriorLayout layout, ConstraintFamily family, Cells cells) {
    CalibratedData d = layout.data;
    Pool pool = new Pool(layout, cells, key -> d.profiles.typeOf(key[2], key[1]),
        (g, key) -> d.typeProbability(layout.posteriors.get(g), key[2]));
    int o = pool.offset();
    String id = cells == null ? "ic-expost-state" : "ic-expost-cell";
    return new PooledFamily(
        family,
        id,
        "incentive compatibility at every profile, " + (cells == null ? "the state known to the designer only"
            : "within the cells of states each agent can tell apart"),
        pool::key,
        pool::weight,
        new PooledFamily.Text() {
          @Override
          public String name(int[] key) {
            int i = key[o];
            int t = d.profiles.typeOf(key[o + 1], i);
            return id + "[" + pool.cellPrefix(key, i, t) + d.agentName(i) + ":" + d.agentTypeName(i, t) + "->"
                + d.agentTypeName(i, key[o + 2]) + "|" + d.typeName(key[o + 1]) + "]";
          }

          @Override
          public String describe(int[] key) {
            int i = key[o];
            int t = d.profiles.typeOf(key[o + 1], i);
            return "IC (ex post in types, " + pool.cellWords(key, i, t) + "): " + d.agentName(i) + " of type "
                + d.agentTypeName(i, t) + " must not gain by reporting " + d.agentTypeName(i, key[o + 2])
                + " when the profile is " + d.typeName(key[o + 1]);
          }

          @Override
          public int agent(int[] key) {
            return key[o];
          }
        });
  }

  /** Base keys {g, i, θ_i}: weight P_g(θ_i) / f_i(θ_i) within the cell. */
  private static ConstraintFamily pooledIr(PosteriorLayout layout, ConstraintFamily family, Cells cells) {
    CalibratedData d = layout.data;
    Pool pool = new Pool(layout, cells, key -> key[2], (g, key) -> layout.agentTypeProbability(g, key[1], key[2]));
    int o = pool.offset();
    String id = cells == null ? "ir-interim-state" : "ir-interim-cell";
    return new PooledFamily(
        family,
        id,
        "interim participation, " + (cells == null ? "the state known to the designer only"
            : "within the cells of states each agent can tell apart"),
        pool::key,
        pool::weight,
        new PooledFamily.Text() {
          @Override
          public String name(int[] key) {
            int i = key[o];
            String who = d.agents == 1 ? "" : d.agentName(i) + ":";
            return id + "[" + pool.cellPrefix(key, i, key[o + 1]) + who + d.agentTypeName(i, key[o + 1]) + "]";
          }

          @Override
          public String describe(int[] key) {
            int i = key[o];
            return "IR (interim, " + pool.cellWords(key, i, key[o + 1]) + "): " + d.agentName(i) + " of type "
                + d.agentTypeName(i, key[o + 1]) + " must get at least its outside option "
                + Fractions.format(d.agentOutside[i][key[o + 1]]);
          }

          @Override
          public int agent(int[] key) {
            return key[o];
          }
        });
  }
}
