package org.mechlp.solver.families;

import java.util.Objects;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.Prior;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.solver.compile.VariableIndex;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Bayesian incentive compatibility, {@code ic-bic} (MATH.md sections 4.1 and 5.2): truth-telling is optimal in
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
 * <p>Types with f_i(θ_i) = 0 get no rows: MATH.md writes the constraint multiplied by f_i(θ_i), and for such a type
 * every weight f(θ,ω) is 0, so the row would read 0 >= 0.
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
    int m = problem.outcomeCount();
    for (int i = 0; i < problem.agentCount(); i++) {
      for (int t = 0; t < profiles.typeCount(i); t++) {
        BigFraction typeProbability = prior.typeProbability(i, t);
        if (Fractions.isZero(typeProbability)) {
          continue;
        }
        int[] truths = profiles.profilesWith(i, t);
        // Conditional weights f(θ)/f_i(θ_i) and weighted values, shared by every misreport of this type.
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
        for (int r = 0; r < profiles.typeCount(i); r++) {
          if (r == t) {
            continue;
          }
          for (int k = 0; k < truths.length; k++) {
            int p = truths[k];
            int lie = profiles.withType(p, i, r);
            for (int o = 0; o < m; o++) {
              row.add(variables.allocation(p, o), weightedValues[k][o]);
              row.add(variables.allocation(lie, o), weightedValues[k][o].negate());
            }
            if (variables.hasTransfers()) {
              row.add(variables.transfer(p, i), weights[k].negate());
              row.add(variables.transfer(lie, i), weights[k]);
            }
          }
          sink.accept(row.build(this, new int[] {i, t, r}, Sense.GE, BigFraction.ZERO));
        }
      }
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
