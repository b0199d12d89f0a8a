package org.mechlp.solver.certify;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.solver.families.BicFamily;
import org.mechlp.solver.families.ExPostIcFamily;
import org.mechlp.solver.families.VariableIndex;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;

/**
 * Proves, in exact arithmetic, that an exact point satisfies every row of an incentive family (ex post/DSIC or BIC)
 * without evaluating 10^8 rows exactly (docs/THEORY.md, Certificates at scale). Every IC row says that a truthful
 * utility is at least a misreport's: with a "group" g (a true profile for ex post IC, an agent's type for BIC) and
 * U(g|q) = sum_k [sum_o c_ko x(o|q_k) - w_k t_i(q_k)] the utility of reporting so that the profiles become q, the row
 * (g, r) holds when U(g|lie_r) - U(g|truth) <= 0.
 *
 * <ul>
 *   <li>Reports that lead to the same exact allocation and transfer vectors (the same "menu item") give the same
 *       utility, so each (group, item) pair is evaluated once; a lie whose item is the truth's has shortfall exactly
 *       0.
 *   <li>A floating-point filter computes the shortfall of each pair from correctly rounded doubles, with a bound
 *       {@link #errorBound} on its distance from the exact shortfall (derived in docs/THEORY.md). A pair whose float
 *       shortfall is at most minus that bound is proven slack; every other pair is evaluated in {@link BigFraction}.
 *   <li>The groups are split over the available cores; only primitive arrays are allocated per row.
 * </ul>
 *
 * <p>The utility form is rebuilt from the same problem data as the family's rows; before trusting it the filter
 * compares it, exactly, with the family's own rows on a sample of keys, and refuses to run when they differ.
 */
public final class IcFeasibilityFilter {
  /** Unit roundoff of IEEE double arithmetic with round-to-nearest. */
  static final double UNIT_ROUNDOFF = 0x1p-53;

  /** Non-zero magnitudes outside [2^-500, 2^500] could underflow or overflow a product: then no filter is used. */
  private static final double SMALLEST = 0x1p-500;

  private static final double LARGEST = 0x1p500;

  /** Keys compared exactly with the family's own rows before the filter is trusted. */
  private static final int SAMPLED_ROWS = 64;

  private final ConstraintFamily family;
  private final Problem problem;
  private final VariableIndex variables;
  private final TypeProfiles profiles;
  private final boolean bayesian;

  private IcFeasibilityFilter(ConstraintFamily family, VariableIndex variables, boolean bayesian) {
    this.family = family;
    this.problem = variables.problem();
    this.variables = variables;
    this.profiles = variables.profiles();
    this.bayesian = bayesian;
  }

  /** The filter for {@code family} over {@code variables}, when it is an incentive family whose rows it knows. */
  public static Optional<IcFeasibilityFilter> of(ConstraintFamily family, VariableIndex variables) {
    if (family instanceof ExPostIcFamily) {
      return Optional.of(new IcFeasibilityFilter(family, variables, false));
    }
    if (family instanceof BicFamily) {
      return Optional.of(new IcFeasibilityFilter(family, variables, true));
    }
    return Optional.empty();
  }

  /** The filters of every family in {@code families} that has one, by family. */
  public static Map<ConstraintFamily, IcFeasibilityFilter> all(
      List<ConstraintFamily> families, VariableIndex variables) {
    Map<ConstraintFamily, IcFeasibilityFilter> filters = new HashMap<>();
    for (ConstraintFamily family : families) {
      of(family, variables).ifPresent(f -> filters.put(family, f));
    }
    return filters;
  }

  /** The family whose rows this filter proves. */
  public ConstraintFamily family() {
    return family;
  }

  /**
   * An exactly violated row.
   *
   * @param key the row's key in the family
   * @param amount the exact violation (positive)
   */
  public record Violation(int[] key, BigFraction amount) {}

  /**
   * What a check found.
   *
   * @param applied false when the filter could not run (values out of its range, see the reason); then nothing is
   *     proven and the caller must check the rows otherwise
   * @param reason why the filter did not run, or empty
   * @param rows the rows covered
   * @param pairs the distinct (group, menu item) pairs whose shortfall was computed in floating point
   * @param exactPairs the pairs evaluated in exact arithmetic (those the float filter could not decide)
   * @param violationCount the rows exactly violated
   * @param bindingCount the rows that hold with equality, exactly
   * @param violations the first violated rows (at most the number asked for), most violated first
   */
  public record Result(
      boolean applied,
      String reason,
      long rows,
      long pairs,
      long exactPairs,
      long violationCount,
      long bindingCount,
      List<Violation> violations) {
    /** True when the filter ran and no row is violated. */
    public boolean feasible() {
      return applied && violationCount == 0;
    }
  }

  /**
   * A bound on |float shortfall - exact shortfall| for a pair whose two utilities have {@code terms} products each
   * and float sums of absolute products {@code absLie} and {@code absTruth} (docs/THEORY.md, Certificates at scale):
   * 2 gamma_(terms + 6) (absLie + absTruth), gamma_n = n u / (1 - n u). The factor 2 covers the rounding of the
   * absolute sums themselves and of this formula.
   */
  public static double errorBound(int terms, double absLie, double absTruth) {
    double nu = (terms + 6) * UNIT_ROUNDOFF;
    double gamma = nu / (1 - nu);
    return 2 * gamma * (absLie + absTruth);
  }

  /**
   * The double nearest to {@code f} (within a relative 2u: a 40-digit decimal quotient rounded once more), unlike
   * {@link BigFraction#doubleValue()}, whose error is not bounded for large numerators and denominators.
   */
  static double nearest(BigFraction f) {
    if (f.getNumerator().signum() == 0) {
      return 0;
    }
    return new BigDecimal(f.getNumerator())
        .divide(new BigDecimal(f.getDenominator()), new MathContext(40, RoundingMode.HALF_EVEN))
        .doubleValue();
  }

  /** Checks every row of the family at exact {@code x}, listing at most {@code maxListed} violated rows. */
  public Result check(BigFraction[] x, int maxListed) {
    double[] xf = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      xf[j] = nearest(x[j]);
      if (!inRange(xf[j])) {
        return notApplied("column " + variables.columnName(j) + " has the value " + x[j]
            + ", outside the float filter's range [2^-500, 2^500]");
      }
    }
    List<Agent> agents = new ArrayList<>();
    for (int i = 0; i < problem.agentCount(); i++) {
      Agent agent = new Agent(i, x);
      if (agent.outOfRange != null) {
        return notApplied(agent.outOfRange);
      }
      agents.add(agent);
    }
    sampleAgainstFamilyRows(agents, x);
    long pairs = 0;
    long exactPairs = 0;
    long violationCount = 0;
    long binding = 0;
    List<Violation> violations = new ArrayList<>();
    for (Agent agent : agents) {
      int groups = agent.groupCount();
      int chunks = Math.max(1, Math.min(groups, Runtime.getRuntime().availableProcessors() * 4));
      List<Scan> scans =
          IntStream.range(0, chunks)
              .parallel()
              .mapToObj(c -> agent.scan(xf, x, (int) ((long) groups * c / chunks),
                  (int) ((long) groups * (c + 1) / chunks), maxListed))
              .toList();
      for (Scan s : scans) {
        pairs += s.pairs;
        exactPairs += s.exactPairs;
        violationCount += s.violationCount;
        binding += s.bindingCount;
        violations.addAll(s.violations);
      }
    }
    violations.sort((a, b) -> b.amount().compareTo(a.amount()));
    List<Violation> listed = List.copyOf(violations.subList(0, Math.min(maxListed, violations.size())));
    return new Result(true, "", family.rowCount(), pairs, exactPairs, violationCount, binding, listed);
  }

  private Result notApplied(String reason) {
    return new Result(false, reason, family.rowCount(), 0, 0, 0, 0, List.of());
  }

  private static boolean inRange(double v) {
    double a = Math.abs(v);
    return a == 0 || a >= SMALLEST && a <= LARGEST;
  }

  /**
   * Compares the utility form with the family's own rows, exactly, on a spread of keys: a row's activity must equal
   * U(g|truth) - U(g|lie). A difference is a bug in this class, never a property of the point.
   */
  private void sampleAgainstFamilyRows(List<Agent> agents, BigFraction[] x) {
    for (Agent agent : agents) {
      int groups = agent.groupCount();
      int types = profiles.typeCount(agent.i);
      for (int s = 0; s < SAMPLED_ROWS && groups > 0 && types > 1; s++) {
        int g = (int) ((long) s * 7919 % groups);
        int truth = agent.truthType(g);
        int r = (int) ((long) s * 104729 % types);
        if (r == truth) {
          r = (r + 1) % types;
        }
        int[] key = {agent.i, agent.groupKey(g), r};
        Row row = family.rowOf(key);
        BigFraction form = agent.exactUtility(x, g, truth).subtract(agent.exactUtility(x, g, r));
        if (!row.activity(x).equals(form)) {
          throw new IllegalStateException("the exact IC filter's utility form differs from " + row.name()
              + ": " + row.activity(x) + " against " + form);
        }
      }
    }
  }

  /** The part of one chunk of groups. */
  private static final class Scan {
    long pairs;
    long exactPairs;
    long violationCount;
    long bindingCount;
    final List<Violation> violations = new ArrayList<>();
  }

  /**
   * One agent's utility form: groups, their terms (coefficients c_ko and weights w_k, exact and as doubles) and the
   * menu item of every report.
   */
  private final class Agent {
    final int i;
    final int m;
    final boolean transfers;
    /** Per group: the truthful type (BIC: the group's type; ex post: the profile's own type). */
    final int[] groupTypes;
    /** Per group: the true profiles of its terms (BIC: every profile with the type; ex post: the profile). */
    final int[][] truths;
    final BigFraction[][] weights;
    final BigFraction[][] coefficients;
    final double[][] weightsF;
    final double[][] coefficientsF;
    /** Ex post: the item of every profile; BIC: the item of every report (the items of its profiles). */
    final int[] itemOf;
    final int items;
    String outOfRange;

    Agent(int i, BigFraction[] x) {
      this.i = i;
      this.m = problem.outcomeCount();
      this.transfers = variables.hasTransfers();
      int[] profileItem = profileItems(x);
      if (bayesian) {
        List<Integer> groups = new ArrayList<>();
        for (int t = 0; t < profiles.typeCount(i); t++) {
          if (!Fractions.isZero(problem.prior().typeProbability(i, t))) {
            groups.add(t);
          }
        }
        int n = groups.size();
        groupTypes = new int[n];
        truths = new int[n][];
        weights = new BigFraction[n][];
        coefficients = new BigFraction[n][];
        for (int g = 0; g < n; g++) {
          int t = groups.get(g);
          groupTypes[g] = t;
          truths[g] = profiles.profilesWith(i, t);
          BigFraction typeProbability = problem.prior().typeProbability(i, t);
          weights[g] = new BigFraction[truths[g].length];
          coefficients[g] = new BigFraction[truths[g].length * m];
          for (int k = 0; k < truths[g].length; k++) {
            BigFraction w = problem.prior().profileProbability(truths[g][k]).divide(typeProbability);
            weights[g][k] = w;
            for (int o = 0; o < m; o++) {
              coefficients[g][k * m + o] =
                  Fractions.isZero(w)
                      ? BigFraction.ZERO
                      : w.multiply(problem.expectedValue(i, o, truths[g][k], profiles));
            }
          }
        }
        // A report's item: the tuple of the items of the profiles it leads to, in the order of the others' types.
        Map<IntTuple, Integer> ids = new HashMap<>();
        itemOf = new int[profiles.typeCount(i)];
        for (int r = 0; r < itemOf.length; r++) {
          int[] lies = profiles.profilesWith(i, r);
          int[] tuple = new int[lies.length];
          for (int k = 0; k < lies.length; k++) {
            tuple[k] = profileItem[lies[k]];
          }
          itemOf[r] = ids.computeIfAbsent(new IntTuple(tuple), key -> ids.size());
        }
        items = ids.size();
      } else {
        int n = profiles.count();
        groupTypes = new int[n];
        truths = new int[n][];
        weights = new BigFraction[n][];
        coefficients = new BigFraction[n][];
        for (int p = 0; p < n; p++) {
          groupTypes[p] = profiles.typeOf(p, i);
          truths[p] = new int[] {p};
          weights[p] = new BigFraction[] {BigFraction.ONE};
          coefficients[p] = new BigFraction[m];
          for (int o = 0; o < m; o++) {
            coefficients[p][o] = problem.expectedValue(i, o, p, profiles);
          }
        }
        itemOf = profileItem;
        int max = -1;
        for (int id : profileItem) {
          max = Math.max(max, id);
        }
        items = max + 1;
      }
      weightsF = new double[truths.length][];
      coefficientsF = new double[truths.length][];
      for (int g = 0; g < truths.length; g++) {
        weightsF[g] = toDoubles(weights[g]);
        coefficientsF[g] = toDoubles(coefficients[g]);
      }
    }

    private double[] toDoubles(BigFraction[] values) {
      double[] out = new double[values.length];
      for (int q = 0; q < values.length; q++) {
        out[q] = nearest(values[q]);
        if (!inRange(out[q]) && outOfRange == null) {
          outOfRange = family.id() + ": a coefficient " + values[q] + " is outside the float filter's range";
        }
      }
      return out;
    }

    /** The item of every profile: profiles with equal exact allocations and transfer of agent i share one. */
    private int[] profileItems(BigFraction[] x) {
      Map<List<BigFraction>, Integer> ids = new HashMap<>();
      int[] out = new int[profiles.count()];
      for (int p = 0; p < out.length; p++) {
        BigFraction[] vector = new BigFraction[m + (transfers ? 1 : 0)];
        for (int o = 0; o < m; o++) {
          vector[o] = x[variables.allocation(p, o)];
        }
        if (transfers) {
          vector[m] = x[variables.transfer(p, i)];
        }
        out[p] = ids.computeIfAbsent(Arrays.asList(vector), key -> ids.size());
      }
      return out;
    }

    int groupCount() {
      return truths.length;
    }

    int truthType(int g) {
      return groupTypes[g];
    }

    /** The family key's middle entry: the type (BIC) or the true profile (ex post). */
    int groupKey(int g) {
      return bayesian ? groupTypes[g] : truths[g][0];
    }

    /** The profile term k of group g leads to when i reports r. */
    int lie(int g, int k, int r) {
      return profiles.withType(truths[g][k], i, r);
    }

    int item(int g, int r) {
      return bayesian ? itemOf[r] : itemOf[lie(g, 0, r)];
    }

    /** The exact U(g|r). */
    BigFraction exactUtility(BigFraction[] x, int g, int r) {
      BigFraction u = BigFraction.ZERO;
      for (int k = 0; k < truths[g].length; k++) {
        int q = lie(g, k, r);
        for (int o = 0; o < m; o++) {
          BigFraction c = coefficients[g][k * m + o];
          BigFraction v = x[variables.allocation(q, o)];
          if (c.getNumerator().signum() != 0 && v.getNumerator().signum() != 0) {
            u = u.add(c.multiply(v));
          }
        }
        if (transfers) {
          BigFraction t = x[variables.transfer(q, i)];
          if (t.getNumerator().signum() != 0 && weights[g][k].getNumerator().signum() != 0) {
            u = u.subtract(weights[g][k].multiply(t));
          }
        }
      }
      return u;
    }

    /**
     * Float U(g|r) into {@code out[0]} and the float sum of the absolute products into {@code out[1]}: the
     * recursive sum of k (m + 1) products whose error {@link #errorBound} bounds.
     */
    void floatUtility(double[] x, int g, int r, double[] out) {
      double u = 0;
      double abs = 0;
      double[] c = coefficientsF[g];
      double[] w = weightsF[g];
      for (int k = 0; k < truths[g].length; k++) {
        int q = lie(g, k, r);
        int column = variables.allocation(q, 0);
        for (int o = 0; o < m; o++) {
          double product = c[k * m + o] * x[column + o];
          u += product;
          abs += Math.abs(product);
        }
        if (transfers) {
          double product = w[k] * x[variables.transfer(q, i)];
          u -= product;
          abs += Math.abs(product);
        }
      }
      out[0] = u;
      out[1] = abs;
    }

    /** Filters groups [from, to). */
    Scan scan(double[] xf, BigFraction[] x, int from, int to, int maxListed) {
      Scan scan = new Scan();
      int types = profiles.typeCount(i);
      // Per item: the group it was last evaluated for, its float shortfall and bound, and the exact verdict.
      int[] stamp = new int[items];
      Arrays.fill(stamp, -1);
      double[] shortfall = new double[items];
      double[] bound = new double[items];
      BigFraction[] exact = new BigFraction[items];
      double[] truthF = new double[2];
      double[] lieF = new double[2];
      for (int g = from; g < to; g++) {
        int truth = groupTypes[g];
        int truthItem = item(g, truth);
        int termCount = truths[g].length * (m + 1);
        floatUtility(xf, g, truth, truthF);
        BigFraction truthExact = null;
        for (int r = 0; r < types; r++) {
          if (r == truth) {
            continue;
          }
          int item = item(g, r);
          if (item == truthItem) {
            scan.bindingCount++; // The same allocations and transfers: the shortfall is exactly 0.
            continue;
          }
          if (stamp[item] != g) {
            stamp[item] = g;
            scan.pairs++;
            floatUtility(xf, g, r, lieF);
            shortfall[item] = lieF[0] - truthF[0];
            bound[item] = errorBound(termCount, lieF[1], truthF[1]);
            exact[item] = null;
            if (!(shortfall[item] <= -bound[item])) { // NaN included
              scan.exactPairs++;
              if (truthExact == null) {
                truthExact = exactUtility(x, g, truth);
              }
              exact[item] = exactUtility(x, g, r).subtract(truthExact);
            }
          }
          BigFraction amount = exact[item];
          if (amount != null && amount.getNumerator().signum() == 0) {
            scan.bindingCount++;
          } else if (amount != null && amount.getNumerator().signum() > 0) {
            scan.violationCount++;
            if (scan.violations.size() < maxListed) {
              scan.violations.add(new Violation(new int[] {i, groupKey(g), r}, amount));
            }
          }
        }
      }
      return scan;
    }
  }

  /** An int array with value equality. */
  private record IntTuple(int[] values) {
    @Override
    public boolean equals(Object other) {
      return other instanceof IntTuple t && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }
}
