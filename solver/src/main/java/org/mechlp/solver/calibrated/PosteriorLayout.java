package org.mechlp.solver.calibrated;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * The columns of the posterior-grid LP (docs/THEORY.md P1), scaled by the posterior's weight: for each candidate
 * posterior g, lambda_g, then Q_g(x | θ) = lambda_g q_g(x | θ) for every reported profile θ (for one agent, type)
 * and outcome, then (with transfers) T_g,i(θ) = lambda_g τ_g,i(θ) for every profile and agent. Everything is
 * linear because the posteriors are data.
 */
final class PosteriorLayout {
  final CalibratedData data;
  final List<BigFraction[]> posteriors;
  final List<String> names;
  private final int stride;

  PosteriorLayout(CalibratedData data, List<BigFraction[]> posteriors, List<String> names) {
    this.data = data;
    this.posteriors = List.copyOf(posteriors);
    this.names = List.copyOf(names);
    this.stride = 1 + data.types * data.outcomes + (data.transfers ? data.types * data.agents : 0);
  }

  int count() {
    return posteriors.size();
  }

  /**
   * P_g(θ_i) = sum over the profiles with agent {@code agent} of type {@code type} of P_g(θ): how likely the agent
   * has this type after signal g.
   */
  BigFraction agentTypeProbability(int g, int agent, int type) {
    BigFraction p = BigFraction.ZERO;
    for (int profile : data.profiles.profilesWith(agent, type)) {
      p = p.add(data.typeProbability(posteriors.get(g), profile));
    }
    return p;
  }

  /** How many (posterior, agent, type) triples have P_g(θ_i) > 0: the types a posterior does not rule out. */
  long possibleTypes() {
    long count = 0;
    for (int g = 0; g < posteriors.size(); g++) {
      for (int i = 0; i < data.agents; i++) {
        for (int t = 0; t < data.profiles.typeCount(i); t++) {
          if (!Fractions.isZero(agentTypeProbability(g, i, t))) {
            count++;
          }
        }
      }
    }
    return count;
  }

  int columnCount() {
    return posteriors.size() * stride;
  }

  int weight(int g) {
    return g * stride;
  }

  int allocation(int g, int type, int outcome) {
    return g * stride + 1 + type * data.outcomes + outcome;
  }

  /** T_g of agent 0 (the only agent of a single-agent problem). */
  int transfer(int g, int type) {
    return transfer(g, type, 0);
  }

  int transfer(int g, int profile, int agent) {
    return g * stride + 1 + data.types * data.outcomes + profile * data.agents + agent;
  }

  List<ColumnBounds> bounds() {
    List<ColumnBounds> bounds = new ArrayList<>(columnCount());
    for (int g = 0; g < posteriors.size(); g++) {
      bounds.add(ColumnBounds.NON_NEGATIVE);
      for (int c = 0; c < data.types * data.outcomes; c++) {
        bounds.add(ColumnBounds.NON_NEGATIVE);
      }
      if (data.transfers) {
        for (int t = 0; t < data.types * data.agents; t++) {
          bounds.add(ColumnBounds.FREE);
        }
      }
    }
    return bounds;
  }

  String columnName(int column) {
    int g = column / stride;
    int r = column % stride;
    if (r == 0) {
      return "lambda[" + names.get(g) + "]";
    }
    r -= 1;
    if (r < data.types * data.outcomes) {
      return "Q[" + names.get(g) + "|" + data.typeName(r / data.outcomes) + "|"
          + data.outcomeName(r % data.outcomes) + "]";
    }
    int cell = r - data.types * data.outcomes;
    String agent = data.agents == 1 ? "" : "|" + data.agentName(cell % data.agents);
    return "T[" + names.get(g) + "|" + data.typeName(cell / data.agents) + agent + "]";
  }

  /** A readable posterior such as (L: 1/3, H: 2/3). */
  String describePosterior(int g) {
    StringBuilder sb = new StringBuilder("(");
    BigFraction[] mu = posteriors.get(g);
    for (int w = 0; w < mu.length; w++) {
      if (w > 0) {
        sb.append(", ");
      }
      sb.append(data.stateName(w)).append(": ").append(Fractions.format(mu[w]));
    }
    return sb.append(')').toString();
  }

  /** Builds a row from a column-to-coefficient map, dropping zeros. */
  static Row row(ConstraintFamily family, int[] key, Map<Integer, BigFraction> terms, Sense sense, BigFraction rhs) {
    TreeMap<Integer, BigFraction> sorted = new TreeMap<>();
    for (Map.Entry<Integer, BigFraction> e : terms.entrySet()) {
      if (!Fractions.isZero(e.getValue())) {
        sorted.put(e.getKey(), e.getValue());
      }
    }
    int[] columns = new int[sorted.size()];
    BigFraction[] coefficients = new BigFraction[sorted.size()];
    int i = 0;
    for (Map.Entry<Integer, BigFraction> e : sorted.entrySet()) {
      columns[i] = e.getKey();
      coefficients[i++] = e.getValue();
    }
    return new Row(family, key, columns, coefficients, sense, rhs);
  }

  static void add(Map<Integer, BigFraction> terms, int column, BigFraction coefficient) {
    terms.merge(column, coefficient, BigFraction::add);
  }
}
