package org.mechlp.solver.families;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.Prior;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Bayesian incentive compatibility, {@code ic-bic} (docs/THEORY.md, Constraint families): truth-telling is optimal in
 * expectation over the others' types and the state, given one's own type,
 *
 * <pre>
 * for every agent i, every type θ_i with f_i(θ_i) > 0, every misreport θ'_i != θ_i:
 *   sum_{θ_-i, ω} [f(θ,ω) / f_i(θ_i)]
 *       { sum_o [x(o|θ) - x(o|θ'_i,θ_-i)] v_i(o,θ,ω) - t_i(θ) + t_i(θ'_i,θ_-i) }  >=  0
 * </pre>
 *
 * with θ = (θ_i, θ_-i). Dividing by the data f_i(θ_i) keeps the row in utility units, so its violation is the
 * expected gain from the misreport. The state sum is taken as sum_ω f(θ,ω) v_i(o,θ,ω) = f(θ) ū_i(o,θ), exact
 * because ū_i averages with f(ω|θ) whenever f(θ) > 0.
 *
 * <p>Types with f_i(θ_i) = 0 get no rows: docs/THEORY.md writes the constraint multiplied by f_i(θ_i), and for such a
 * type every weight f(θ,ω) is 0, so the row would read 0 >= 0.
 *
 * <p>Key {@code {i, θ_i, θ'_i}}; rows in order of agent, then true type, then misreport.
 */
public final class BicFamily implements ConstraintFamily {
  /** The family's id. */
  public static final String ID = "ic-bic";

  private final Problem problem;
  private final VariableIndex variables;
  private final TypeProfiles profiles;
  private final Prior prior;
  private final long rowCount;
  private volatile DoubleTerms[][] doubleTerms;

  /** The BIC rows of {@code problem} over {@code variables}. */
  public BicFamily(Problem problem, VariableIndex variables) {
    this.problem = Objects.requireNonNull(problem, "problem");
    this.variables = Objects.requireNonNull(variables, "variables");
    this.profiles = variables.profiles();
    this.prior = problem.prior();
    long rows = 0;
    for (int i = 0; i < problem.agentCount(); i++) {
      for (int t = 0; t < profiles.typeCount(i); t++) {
        if (!Fractions.isZero(prior.typeProbability(i, t))) {
          rows += profiles.typeCount(i) - 1;
        }
      }
    }
    this.rowCount = rows;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Bayesian incentive compatibility";
  }

  @Override
  public long rowCount() {
    return rowCount;
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    RowBuilder row = new RowBuilder();
    for (int i = 0; i < problem.agentCount(); i++) {
      for (int t = 0; t < profiles.typeCount(i); t++) {
        TypeTerms terms = terms(i, t);
        if (terms == null) {
          continue;
        }
        for (int r = 0; r < profiles.typeCount(i); r++) {
          if (r != t) {
            sink.accept(build(row, terms, i, t, r));
          }
        }
      }
    }
  }

  /**
   * The conditional weights f(θ)/f_i(θ_i) and weighted values of agent i's type t, shared by every misreport of the
   * type; null when the type has probability 0 (and so no rows).
   */
  private record TypeTerms(int[] truths, BigFraction[] weights, BigFraction[][] weightedValues) {}

  private TypeTerms terms(int i, int t) {
    BigFraction typeProbability = prior.typeProbability(i, t);
    if (Fractions.isZero(typeProbability)) {
      return null;
    }
    int m = problem.outcomeCount();
    int[] truths = profiles.profilesWith(i, t);
    BigFraction[] weights = new BigFraction[truths.length];
    BigFraction[][] weightedValues = new BigFraction[truths.length][m];
    for (int k = 0; k < truths.length; k++) {
      weights[k] = prior.profileProbability(truths[k]).divide(typeProbability);
      for (int o = 0; o < m; o++) {
        weightedValues[k][o] =
            Fractions.isZero(weights[k])
                ? BigFraction.ZERO
                : weights[k].multiply(problem.expectedValue(i, o, truths[k], profiles));
      }
    }
    return new TypeTerms(truths, weights, weightedValues);
  }

  private Row build(RowBuilder row, TypeTerms terms, int i, int t, int r) {
    int m = problem.outcomeCount();
    for (int k = 0; k < terms.truths().length; k++) {
      int p = terms.truths()[k];
      int lie = profiles.withType(p, i, r);
      for (int o = 0; o < m; o++) {
        row.add(variables.allocation(p, o), terms.weightedValues()[k][o]);
        row.add(variables.allocation(lie, o), terms.weightedValues()[k][o].negate());
      }
      if (variables.hasTransfers()) {
        row.add(variables.transfer(p, i), terms.weights()[k].negate());
        row.add(variables.transfer(lie, i), terms.weights()[k]);
      }
    }
    return row.build(this, new int[] {i, t, r}, Sense.GE, BigFraction.ZERO);
  }

  @Override
  public Row rowOf(int[] key) {
    int i = key[0];
    int t = key[1];
    int r = key[2];
    TypeTerms terms =
        i < 0 || i >= problem.agentCount() || t < 0 || t >= profiles.typeCount(i) || r < 0
                || r >= profiles.typeCount(i) || r == t
            ? null
            : terms(i, t);
    if (terms == null) {
      throw new IllegalArgumentException(ID + " has no row " + Arrays.toString(key));
    }
    return build(new RowBuilder(), terms, i, t, r);
  }

  @Override
  public boolean hasFastScan() {
    return true;
  }

  @Override
  public Sense senseOf(int[] key) {
    return Sense.GE;
  }

  /**
   * Evaluates every row in doubles: for agent i of type t, U(r) = sum_k w_k [sum_o x(o|lie_k) ū_i(o,θ_k) -
   * t_i(lie_k)] is the expected utility of reporting r (lie_k = θ_k with i's type replaced by r, w_k = f(θ_k)/f_i(t)),
   * and the row's shortfall is U(r) - U(t). The weights and weighted values are converted to doubles once.
   */
  @Override
  public void scan(double[] x, double threshold, ScanSink sink) {
    DoubleTerms[][] all = doubleTerms();
    int m = problem.outcomeCount();
    boolean transfers = variables.hasTransfers();
    int[] key = new int[3];
    for (int i = 0; i < all.length; i++) {
      int types = profiles.typeCount(i);
      for (int t = 0; t < types; t++) {
        DoubleTerms terms = all[i][t];
        if (terms == null) {
          continue;
        }
        double truthful = expectedUtility(x, terms, i, t, m, transfers);
        for (int r = 0; r < types; r++) {
          if (r == t) {
            continue;
          }
          double shortfall = expectedUtility(x, terms, i, r, m, transfers) - truthful;
          if (!(shortfall <= threshold)) {
            key[0] = i;
            key[1] = t;
            key[2] = r;
            sink.accept(key, shortfall);
          }
        }
      }
    }
  }

  /** Per truth profile k: the profile with i's type replaced by {@code report} is {@code truths[k] + delta}. */
  private double expectedUtility(double[] x, DoubleTerms terms, int i, int report, int m, boolean transfers) {
    int delta = (report - terms.type()) * terms.stride();
    double u = 0;
    for (int k = 0; k < terms.truths().length; k++) {
      int q = terms.truths()[k] + delta;
      int column = variables.allocation(q, 0);
      int base = k * m;
      for (int o = 0; o < m; o++) {
        u += x[column + o] * terms.weightedValues()[base + o];
      }
      if (transfers) {
        u -= terms.weights()[k] * x[variables.transfer(q, i)];
      }
    }
    return u;
  }

  /** {@link TypeTerms} in doubles, flattened, with the agent's profile stride. */
  private record DoubleTerms(int type, int stride, int[] truths, double[] weights, double[] weightedValues) {}

  private DoubleTerms[][] doubleTerms() {
    DoubleTerms[][] all = doubleTerms;
    if (all == null) {
      int m = problem.outcomeCount();
      all = new DoubleTerms[problem.agentCount()][];
      for (int i = 0; i < all.length; i++) {
        int stride = 1;
        for (int j = i + 1; j < problem.agentCount(); j++) {
          stride *= profiles.typeCount(j);
        }
        all[i] = new DoubleTerms[profiles.typeCount(i)];
        for (int t = 0; t < all[i].length; t++) {
          TypeTerms terms = terms(i, t);
          if (terms == null) {
            continue;
          }
          int size = terms.truths().length;
          double[] weights = new double[size];
          double[] weightedValues = new double[size * m];
          for (int k = 0; k < size; k++) {
            weights[k] = terms.weights()[k].doubleValue();
            for (int o = 0; o < m; o++) {
              weightedValues[k * m + o] = terms.weightedValues()[k][o].doubleValue();
            }
          }
          all[i][t] = new DoubleTerms(t, stride, terms.truths(), weights, weightedValues);
        }
      }
      doubleTerms = all;
    }
    return all;
  }

  @Override
  public void misreportKeys(int agent, int type, int misreport, Consumer<int[]> sink) {
    if (type != misreport && !Fractions.isZero(prior.typeProbability(agent, type))) {
      sink.accept(new int[] {agent, type, misreport});
    }
  }

  @Override
  public String rowName(int[] key) {
    int i = key[0];
    return ID
        + "["
        + FamilyText.agent(problem, i)
        + ":"
        + FamilyText.type(problem, i, key[1])
        + "->"
        + FamilyText.type(problem, i, key[2])
        + "]";
  }

  @Override
  public String describe(int[] key) {
    int i = key[0];
    return "IC (Bayesian): "
        + FamilyText.agent(problem, i)
        + " of type "
        + FamilyText.type(problem, i, key[1])
        + " must not gain in expectation by reporting "
        + FamilyText.type(problem, i, key[2]);
  }

  @Override
  public int agentOf(int[] key) {
    return key[0];
  }

  @Override
  public boolean isIncentiveConstraint() {
    return true;
  }
}
