package org.mechlp.solver.features;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.families.BicFamily;
import org.mechlp.solver.families.ExPostIcFamily;
import org.mechlp.solver.families.ExPostIrFamily;
import org.mechlp.solver.families.FeasibilityFamily;
import org.mechlp.solver.families.InterimIrFamily;
import org.mechlp.solver.families.VariableIndex;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;

/**
 * The feature LP of a one-agent problem with additive values ({@link AdditiveStructure}): per type t the item
 * probabilities q_t in [0,1]^m and the utility u_t, instead of 2^m outcome probabilities and a payment
 * (docs/THEORY.md, Outcome-space reduction). With p_t = c_t + w_t q_t - u_t the full LP's rows become
 *
 * <pre>
 * IC (t, s):  u_t - u_s - (w_t - w_s) q_s >= c_t - c_s      (the same row, rewritten)
 * IR t:       u_t >= outside option of t                    (a bound)
 * objective:  sum_t [a_t + g_t c_t + (b_t + g_t w_t) q_t - g_t u_t]
 * </pre>
 *
 * where the full LP's objective puts a_t + b_t mask(o) on x(o|t) and g_t on p_t. It applies when the compiled LP
 * has exactly the rows this rewriting covers (feasibility, DSIC or ex post IC, or BIC with one agent, ex post or
 * interim IR), allocations are non-negative and transfers free, every type has positive probability (so BIC and
 * interim IR are the one-agent rows), and the objective is affine in the item indicators; all checked exactly on
 * the compiled LP, nothing from names.
 */
public final class FeatureForm {
  private final CompiledProblem compiled;
  private final AdditiveStructure structure;
  private final ConstraintFamily icFamily;
  private final boolean hasIr;
  private final int types;
  private final int items;
  private final double[] base;
  private final double[][] weights;
  private final double[] utilityLower;
  private final double[] itemObjective;
  private final double[] utilityObjective;
  private final double objectiveConstant;

  private FeatureForm(
      CompiledProblem compiled,
      AdditiveStructure structure,
      ConstraintFamily icFamily,
      boolean hasIr,
      BigFraction[][] exactItemObjective,
      BigFraction[] exactUtilityObjective,
      BigFraction exactConstant) {
    this.compiled = compiled;
    this.structure = structure;
    this.icFamily = icFamily;
    this.hasIr = hasIr;
    this.types = structure.base().length;
    this.items = structure.items();
    this.base = new double[types];
    this.weights = new double[types][items];
    this.utilityLower = new double[types];
    this.itemObjective = new double[types * items];
    this.utilityObjective = new double[types];
    Problem problem = compiled.problem();
    for (int t = 0; t < types; t++) {
      base[t] = structure.base()[t].doubleValue();
      for (int k = 0; k < items; k++) {
        weights[t][k] = structure.weights()[t][k].doubleValue();
        itemObjective[t * items + k] = exactItemObjective[t][k].doubleValue();
      }
      utilityObjective[t] = exactUtilityObjective[t].doubleValue();
      utilityLower[t] =
          hasIr ? problem.mechanism().outsideOption(0, t).doubleValue() : Double.NEGATIVE_INFINITY;
    }
    this.objectiveConstant = exactConstant.doubleValue();
  }

  /** The feature form of {@code compiled}, or why it does not apply. */
  public static Result of(CompiledProblem compiled) {
    Problem problem = compiled.problem();
    if (problem.agentCount() != 1) {
      return Result.no(problem.agentCount() + " agents (the feature form takes one)");
    }
    if (problem.isCalibrated() || problem.isDataDriven()) {
      return Result.no("not a standard problem");
    }
    VariableIndex variables = compiled.variables();
    if (!variables.hasTransfers()) {
      return Result.no("no transfers");
    }
    TypeProfiles profiles = variables.profiles();
    int types = profiles.count();
    for (int p = 0; p < types; p++) {
      if (profiles.typeOf(p, 0) != p) {
        return Result.no("profiles are not the agent's types");
      }
    }
    LinearProgram lp = compiled.lp();
    if (lp.columnCount() != variables.columnCount()) {
      // An objective or constraint with columns of its own (an epigraph variable, say) is not covered.
      return Result.no("the LP has columns beyond allocations and transfers");
    }
    ConstraintFamily ic = null;
    boolean ir = false;
    boolean perTypeRows = false;
    for (ConstraintFamily family : lp.families()) {
      if (family instanceof FeasibilityFamily) {
        continue;
      }
      if (family instanceof ExPostIcFamily || family instanceof BicFamily) {
        ic = family;
        perTypeRows |= family instanceof BicFamily;
      } else if (family instanceof ExPostIrFamily || family instanceof InterimIrFamily) {
        ir = true;
        perTypeRows |= family instanceof InterimIrFamily;
      } else {
        return Result.no("the problem has " + family.id() + " rows");
      }
    }
    if (ic == null) {
      return Result.no("the problem has no IC rows");
    }
    if (perTypeRows) {
      for (int t = 0; t < types; t++) {
        if (problem.prior().typeProbability(0, t).getNumerator().signum() <= 0) {
          return Result.no("a type has probability 0");
        }
      }
    }
    int outcomes = problem.outcomeCount();
    List<ColumnBounds> bounds = lp.bounds();
    for (int p = 0; p < types; p++) {
      for (int o = 0; o < outcomes; o++) {
        if (!bounds.get(variables.allocation(p, o)).equals(ColumnBounds.NON_NEGATIVE)) {
          return Result.no("an allocation column has other bounds than [0, inf)");
        }
      }
      if (!bounds.get(variables.transfer(p, 0)).equals(ColumnBounds.FREE)) {
        return Result.no("a transfer column is bounded");
      }
    }
    BigFraction[][] values = new BigFraction[types][outcomes];
    for (int t = 0; t < types; t++) {
      for (int o = 0; o < outcomes; o++) {
        values[t][o] = problem.expectedValue(0, o, t, profiles);
      }
    }
    FeatureSolver.trace("values table");
    Optional<AdditiveStructure> found = AdditiveStructure.detect(values);
    FeatureSolver.trace("additive structure detected: %s", found.isPresent());
    if (found.isEmpty()) {
      return Result.no(String.format(Locale.ROOT, "the values of the %d outcomes are not additive over items",
          outcomes));
    }
    AdditiveStructure structure = found.get();
    int items = structure.items();
    BigFraction[] c = lp.objective().coefficients();
    BigFraction[][] itemObjective = new BigFraction[types][items];
    BigFraction[] utilityObjective = new BigFraction[types];
    BigFraction constant = lp.objective().constant() == null ? BigFraction.ZERO : lp.objective().constant();
    int empty = structure.outcomeOf(0);
    for (int t = 0; t < types; t++) {
      BigFraction a = c[variables.allocation(t, empty)];
      BigFraction[] b = new BigFraction[items];
      for (int k = 0; k < items; k++) {
        b[k] = c[variables.allocation(t, structure.outcomeOf(1 << k))].subtract(a);
      }
      for (int o = 0; o < outcomes; o++) {
        BigFraction expected = a;
        for (int k = 0; k < items; k++) {
          if ((structure.masks()[o] & (1 << k)) != 0) {
            expected = expected.add(b[k]);
          }
        }
        if (!expected.equals(c[variables.allocation(t, o)])) {
          return Result.no("the objective is not additive over items");
        }
      }
      BigFraction g = c[variables.transfer(t, 0)];
      for (int k = 0; k < items; k++) {
        itemObjective[t][k] = b[k].add(g.multiply(structure.weights()[t][k]));
      }
      utilityObjective[t] = g.negate();
      constant = constant.add(a).add(g.multiply(structure.base()[t]));
    }
    return new Result(
        new FeatureForm(compiled, structure, ic, ir, itemObjective, utilityObjective, constant), null);
  }

  /**
   * The feature form, or why not.
   *
   * @param form the form when it applies, else null
   * @param whyNot why it does not apply, else null
   */
  public record Result(FeatureForm form, String whyNot) {
    static Result no(String why) {
      return new Result(null, why);
    }

    /** Whether the feature form applies. */
    public boolean applies() {
      return form != null;
    }
  }

  /** The compiled full problem, against whose every row the decoded mechanism is verified. */
  public CompiledProblem compiled() {
    return compiled;
  }

  /** The additive structure found. */
  public AdditiveStructure structure() {
    return structure;
  }

  /** The full LP's IC family (keys {0, t, s}). */
  public ConstraintFamily icFamily() {
    return icFamily;
  }

  /** Whether the full LP has IR rows (then u_t is bounded below by the outside option). */
  public boolean hasIr() {
    return hasIr;
  }

  /** The agent's types. */
  public int types() {
    return types;
  }

  /** m, the items. */
  public int items() {
    return items;
  }

  /** Columns per type: m item probabilities and the utility. */
  public int columnsPerType() {
    return items + 1;
  }

  /** The column of q_tk. */
  public int itemColumn(int t, int k) {
    return t * (items + 1) + k;
  }

  /** The column of u_t. */
  public int utilityColumn(int t) {
    return t * (items + 1) + items;
  }

  /** c_t, the value of the empty bundle. */
  public double base(int t) {
    return base[t];
  }

  /** w_t, the item values (the array itself; do not modify). */
  public double[] weights(int t) {
    return weights[t];
  }

  /** The lower bound of u_t: the outside option with IR, else -inf. */
  public double utilityLower(int t) {
    return utilityLower[t];
  }

  /** The objective coefficient of q_tk. */
  public double itemObjective(int t, int k) {
    return itemObjective[t * items + k];
  }

  /** The objective coefficient of u_t. */
  public double utilityObjective(int t) {
    return utilityObjective[t];
  }

  /** The objective's constant. */
  public double objectiveConstant() {
    return objectiveConstant;
  }

  /** Whether the full LP maximizes. */
  public boolean maximize() {
    return compiled.lp().objective().maximize();
  }
}
