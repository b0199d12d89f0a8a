package org.mechlp.solver.families;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.IcKind;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.PartitionedScan;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Dominant-strategy ({@code ic-dsic}) or ex post ({@code ic-expost}) incentive compatibility (docs/THEORY.md,
 * Constraint families and 5.2): truth-telling is optimal for every agent at every profile of the others' true types,
 *
 * <pre>
 * for every agent i, every true profile θ, every misreport θ'_i != θ_i:
 *   sum_o [x(o|θ) - x(o|θ'_i,θ_-i)] ū_i(o,θ) - t_i(θ) + t_i(θ'_i,θ_-i) >= 0
 * </pre>
 *
 * where ū_i(o,θ) is i's value of o at the true profile θ, averaged over the state given θ ({@link
 * Problem#expectedValue}). Both kinds have the same rows: with private values ū_i depends on θ_i only and the rows
 * are DSIC; with interdependent values the true θ_-i inside ū_i makes them ex post IC. Rows are written for every
 * profile, including probability-0 ones, because the guarantee is pointwise. Transfer terms are present only when the
 * problem has transfers.
 *
 * <p>Key {@code {i, θ, θ'_i}}; rows in order of agent, then true profile, then misreport.
 */
public final class ExPostIcFamily implements ConstraintFamily, PartitionedScan {
  private final Problem problem;
  private final VariableIndex variables;
  private final TypeProfiles profiles;
  private final IcKind kind;
  private final long rowCount;
  private volatile double[][] doubleValues;

  /** The rows of the problem's own IC kind, which must be {@link IcKind#DSIC} or {@link IcKind#EX_POST}. */
  public ExPostIcFamily(Problem problem, VariableIndex variables) {
    this(problem, variables, problem.mechanism().ic());
  }

  /** The rows of {@code kind}, which must be {@link IcKind#DSIC} or {@link IcKind#EX_POST}. */
  public ExPostIcFamily(Problem problem, VariableIndex variables, IcKind kind) {
    this.problem = Objects.requireNonNull(problem, "problem");
    this.variables = Objects.requireNonNull(variables, "variables");
    this.kind = Objects.requireNonNull(kind, "kind");
    if (kind != IcKind.DSIC && kind != IcKind.EX_POST) {
      throw new IllegalArgumentException("ExPostIcFamily needs IC kind dsic or expost, not " + kind.json());
    }
    this.profiles = variables.profiles();
    long rows = 0;
    for (int i = 0; i < problem.agentCount(); i++) {
      rows += (long) profiles.count() * (profiles.typeCount(i) - 1);
    }
    this.rowCount = rows;
  }

  @Override
  public String id() {
    return kind == IcKind.DSIC ? "ic-dsic" : "ic-expost";
  }

  @Override
  public String title() {
    return kind == IcKind.DSIC
        ? "dominant-strategy incentive compatibility"
        : "ex post incentive compatibility";
  }

  @Override
  public long rowCount() {
    return rowCount;
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    RowBuilder row = new RowBuilder();
    int m = problem.outcomeCount();
    BigFraction[] values = new BigFraction[m];
    for (int i = 0; i < problem.agentCount(); i++) {
      for (int p = 0; p < profiles.count(); p++) {
        for (int o = 0; o < m; o++) {
          values[o] = problem.expectedValue(i, o, p, profiles);
        }
        int own = profiles.typeOf(p, i);
        for (int r = 0; r < profiles.typeCount(i); r++) {
          if (r == own) {
            continue;
          }
          sink.accept(build(row, values, i, p, r));
        }
      }
    }
  }

  private Row build(RowBuilder row, BigFraction[] values, int i, int p, int r) {
    int lie = profiles.withType(p, i, r);
    for (int o = 0; o < values.length; o++) {
      row.add(variables.allocation(p, o), values[o]);
      row.add(variables.allocation(lie, o), values[o].negate());
    }
    if (variables.hasTransfers()) {
      row.add(variables.transfer(p, i), BigFraction.MINUS_ONE);
      row.add(variables.transfer(lie, i), BigFraction.ONE);
    }
    return row.build(this, new int[] {i, p, r}, Sense.GE, BigFraction.ZERO);
  }

  @Override
  public Row rowOf(int[] key) {
    int i = key[0];
    int p = key[1];
    int r = key[2];
    if (i < 0 || i >= problem.agentCount() || p < 0 || p >= profiles.count() || r < 0
        || r >= profiles.typeCount(i) || r == profiles.typeOf(p, i)) {
      throw new IllegalArgumentException(id() + " has no row " + Arrays.toString(key));
    }
    BigFraction[] values = new BigFraction[problem.outcomeCount()];
    for (int o = 0; o < values.length; o++) {
      values[o] = problem.expectedValue(i, o, p, profiles);
    }
    return build(new RowBuilder(), values, i, p, r);
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
   * Evaluates every row in doubles: for agent i at true profile p, u(q) = sum_o x(o|q) ū_i(o,p) - t_i(q) is the
   * utility of reporting so that the profile becomes q, and the row's shortfall is u(lie) - u(p). The values ū_i
   * are converted to doubles once (n K m numbers) and no row is built.
   */
  @Override
  public void scan(double[] x, double threshold, ScanSink sink) {
    double[][] values = doubleValues();
    int m = problem.outcomeCount();
    boolean transfers = variables.hasTransfers();
    int[] key = new int[3];
    for (int i = 0; i < problem.agentCount(); i++) {
      double[] v = values[i];
      int types = profiles.typeCount(i);
      for (int p = 0; p < profiles.count(); p++) {
        int base = p * m;
        double truthful = utility(x, v, base, p, p, i, m, transfers);
        int own = profiles.typeOf(p, i);
        for (int r = 0; r < types; r++) {
          if (r == own) {
            continue;
          }
          int lie = profiles.withType(p, i, r);
          double shortfall = utility(x, v, base, p, lie, i, m, transfers) - truthful;
          if (!(shortfall <= threshold)) {
            key[0] = i;
            key[1] = p;
            key[2] = r;
            sink.accept(key, shortfall);
          }
        }
      }
    }
  }

  @Override
  public int scanUnits() {
    return profiles.count();
  }

  /**
   * {@link #scan} over the true profiles {@code from .. to - 1}, every agent at each. The inner loop runs over the
   * misreports with plain array indexing (the lie's profile moves by the agent's stride), since it runs 10^9 times.
   */
  @Override
  public long scanUnits(double[] x, double tolerance, int from, int to, ScanSink sink) {
    double binding = -tolerance;
    long counted = 0;
    double[][] values = doubleValues();
    int m = problem.outcomeCount();
    int n = problem.agentCount();
    boolean transfers = variables.hasTransfers();
    int transferBase = transfers ? variables.transfer(0, 0) : 0;
    int[] key = new int[3];
    for (int i = 0; i < n; i++) {
      int stride = profiles.withType(0, i, 1);
      int types = profiles.typeCount(i);
      double[] v = values[i];
      for (int p = from; p < to; p++) {
        int base = p * m;
        int own = profiles.typeOf(p, i);
        int first = p - own * stride;
        double truthful = 0;
        for (int o = 0; o < m; o++) {
          truthful += x[base + o] * v[base + o];
        }
        if (transfers) {
          truthful -= x[transferBase + p * n + i];
        }
        for (int r = 0; r < types; r++) {
          if (r == own) {
            continue;
          }
          int lie = first + r * stride;
          int column = lie * m;
          double u = 0;
          for (int o = 0; o < m; o++) {
            u += x[column + o] * v[base + o];
          }
          if (transfers) {
            u -= x[transferBase + lie * n + i];
          }
          double shortfall = u - truthful;
          if (shortfall <= 0) {
            if (shortfall > binding) {
              counted++;
            }
          } else {
            key[0] = i;
            key[1] = p;
            key[2] = r;
            sink.accept(key, shortfall);
          }
        }
      }
    }
    return counted;
  }

  private double utility(double[] x, double[] v, int base, int p, int q, int i, int m, boolean transfers) {
    double u = 0;
    int column = variables.allocation(q, 0);
    for (int o = 0; o < m; o++) {
      u += x[column + o] * v[base + o];
    }
    return transfers ? u - x[variables.transfer(q, i)] : u;
  }

  /** Per agent, ū_i(o,p) at index p * m + o, in doubles; computed once. */
  private double[][] doubleValues() {
    double[][] values = doubleValues;
    if (values == null) {
      int m = problem.outcomeCount();
      values = new double[problem.agentCount()][profiles.count() * m];
      for (int i = 0; i < values.length; i++) {
        for (int p = 0; p < profiles.count(); p++) {
          for (int o = 0; o < m; o++) {
            values[i][p * m + o] = problem.expectedValue(i, o, p, profiles).doubleValue();
          }
        }
      }
      doubleValues = values;
    }
    return values;
  }

  @Override
  public void misreportKeys(int agent, int type, int misreport, Consumer<int[]> sink) {
    if (type == misreport) {
      return;
    }
    // The profiles where the agent has this type: blocks of `stride` consecutive profiles, `stride * k` apart.
    int stride = 1;
    for (int j = agent + 1; j < problem.agentCount(); j++) {
      stride *= profiles.typeCount(j);
    }
    int block = stride * profiles.typeCount(agent);
    for (int start = type * stride; start < profiles.count(); start += block) {
      for (int p = start; p < start + stride; p++) {
        sink.accept(new int[] {agent, p, misreport});
      }
    }
  }

  @Override
  public String rowName(int[] key) {
    int i = key[0];
    int p = key[1];
    String others = FamilyText.others(problem, profiles, p, i);
    return id()
        + "["
        + FamilyText.agent(problem, i)
        + ":"
        + FamilyText.type(problem, i, profiles.typeOf(p, i))
        + "->"
        + FamilyText.type(problem, i, key[2])
        + (others.isEmpty() ? "" : "|" + others)
        + "]";
  }

  @Override
  public String describe(int[] key) {
    int i = key[0];
    int p = key[1];
    return (kind == IcKind.DSIC ? "IC (dominant strategy): " : "IC (ex post): ")
        + FamilyText.agent(problem, i)
        + " of type "
        + FamilyText.type(problem, i, profiles.typeOf(p, i))
        + " must not gain by reporting "
        + FamilyText.type(problem, i, key[2])
        + FamilyText.whenOthers(problem, profiles, p, i);
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
