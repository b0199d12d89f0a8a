package org.mechlp.solver.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.solver.families.CustomConstraintFamily;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.PartitionedScan;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;
import org.mechlp.solver.report.RowCheck;
import org.mechlp.solver.report.Verification;

/**
 * Re-evaluates every row of every constraint family and every column bound at a point, independently of the
 * solver that produced it. Rows are streamed from the families and never held together in memory: only the
 * largest violations and the binding rows with the largest duals are kept, up to a cap, with complete counts.
 *
 * <p>Two modes: floating point (the point as the solver returned it) and exact (a point of fractions, evaluated in
 * {@link BigFraction} arithmetic, as for a hand-written mechanism). Violations are in the rows' units, which are the
 * problem's units: a gain from misreporting, an IR shortfall, a budget deficit. A row is violated when its violation
 * exceeds the tolerance; in exact mode the exact violation is compared with the exact value of the tolerance, so a
 * tolerance of 0 makes the check strict, while a small positive one accepts a mechanism read back from a solve
 * report whose decimals carry floating-point noise (2.0000000000000004). The exact largest violation is reported
 * either way. In floating point a NaN (from a broken backend) counts as an infinite violation.
 */
public final class SolutionVerifier {
  private static final String BOUNDS_FAMILY = "column-bounds";
  private static final String INTEGRALITY_FAMILY = "integrality";

  private final LinearProgram lp;
  private final double tolerance;
  private final BigFraction exactTolerance;
  private final int maxListed;
  private final double[] regretPerAgent;

  private double maxViolation;
  private String worstRow;
  private BigFraction exactMaxViolation = BigFraction.ZERO;
  private long checked;
  private long violationCount;
  private final PriorityQueue<RowCheck> violations =
      new PriorityQueue<>(Comparator.comparingDouble(RowCheck::amount));
  private final PriorityQueue<RowCheck> binding;
  private final Map<String, Long> bindingCounts = new TreeMap<>();

  private SolutionVerifier(LinearProgram lp, double tolerance, int maxListed, int agentCount) {
    this.lp = lp;
    this.tolerance = tolerance;
    this.exactTolerance = Fractions.fromDouble(tolerance);
    this.maxListed = maxListed;
    this.regretPerAgent = new double[agentCount];
    // Keep the binding rows with the largest |dual| (or, without duals, the first ones found).
    this.binding =
        new PriorityQueue<>(
            Comparator.comparingDouble((RowCheck r) -> r.dual() == null ? 0 : Math.abs(r.dual()))
                .thenComparing(RowCheck::rowName, Comparator.reverseOrder()));
  }

  /** The verification of a floating-point point, with per-agent largest IC gains. */
  public record Result(Verification verification, double[] regretPerAgent) {}

  /**
   * Verifies a floating-point point.
   *
   * @param duals the backend's duals in row order, or null
   * @param agentCount the number of agents (for per-agent regrets)
   */
  public static Result verify(
      LinearProgram lp, double[] x, double[] duals, double tolerance, int maxListed, int agentCount) {
    SolutionVerifier v = new SolutionVerifier(lp, tolerance, maxListed, agentCount);
    long[] index = {0};
    for (ConstraintFamily family : lp.families()) {
      family.forEachRow(
          row -> {
            long r = index[0]++;
            Double dual = duals == null ? null : duals[(int) r];
            v.observe(row, nanAsInfinite(row.violation(x)), null, row.slack(x), dual);
          });
    }
    List<ColumnBounds> bounds = lp.bounds();
    for (int j = 0; j < bounds.size(); j++) {
      v.observeBound(j, nanAsInfinite(bounds.get(j).violation(x[j])), null);
    }
    for (int j = 0; j < bounds.size(); j++) {
      if (lp.isInteger(j)) {
        v.observeIntegrality(j, nanAsInfinite(Math.abs(x[j] - Math.rint(x[j]))), null);
      }
    }
    return new Result(v.finish(false, lp.objective().value(x)), v.regretPerAgent.clone());
  }

  /**
   * The dual of a row for {@link #verifyScanning}: {@code rowInFamily} is the row's position in its family when the
   * family is streamed, -1 when it is scanned (then only the key identifies the row); null when unknown.
   */
  @FunctionalInterface
  public interface DualLookup {
    /** The row's dual, or null. */
    Double dual(int familyIndex, long rowInFamily, int[] key);
  }

  /**
   * Verifies a floating-point point like {@link #verify}, but evaluates the families that have a fast scan ({@link
   * ConstraintFamily#hasFastScan}, the IC families) without building their rows: a scan with threshold -tolerance
   * finds every violated or binding row and every other row is counted as checked and slack. So a point can be
   * checked against 10^8 IC rows in seconds, with the same counts, largest violation, per-agent regrets and listings.
   */
  public static Result verifyScanning(
      LinearProgram lp, double[] x, DualLookup duals, double tolerance, int maxListed, int agentCount) {
    return verifyScanning(lp, x, duals, (familyIndex, sink) -> {}, tolerance, maxListed, agentCount);
  }

  /**
   * The keys of the scanned rows that may have a non-zero dual (for lazy generation: the rows the backend saw), so
   * that the binding rows with the largest duals can be listed without looking a dual up for every binding row.
   */
  @FunctionalInterface
  public interface ScannedDuals {
    /** Calls {@code sink} with the key of each row of family {@code familyIndex} that may have a non-zero dual. */
    void forEachKey(int familyIndex, Consumer<int[]> sink);
  }

  /**
   * {@link #verifyScanning(LinearProgram, double[], DualLookup, double, int, int)}, where the incentive families that
   * split into units ({@link PartitionedScan}) are scanned in parallel with primitive tallies ({@link
   * ParallelScan}): binding rows are counted, and listed from {@code keysWithDuals} (largest |dual| first): the
   * others have dual 0.
   */
  public static Result verifyScanning(
      LinearProgram lp,
      double[] x,
      DualLookup duals,
      ScannedDuals keysWithDuals,
      double tolerance,
      int maxListed,
      int agentCount) {
    SolutionVerifier v = new SolutionVerifier(lp, tolerance, maxListed, agentCount);
    List<ConstraintFamily> families = lp.families();
    for (int f = 0; f < families.size(); f++) {
      ConstraintFamily family = families.get(f);
      int familyIndex = f;
      if (family.hasFastScan() && family instanceof PartitionedScan parts) {
        v.absorb(family, familyIndex, x, ParallelScan.run(family, parts, x, tolerance, agentCount, maxListed),
            duals, keysWithDuals);
        continue;
      }
      if (family.hasFastScan()) {
        long before = v.checked;
        family.scan(
            x,
            -tolerance,
            (key, shortfall) -> {
              double violation = nanAsInfinite(Math.max(0, shortfall));
              double slack = Double.isNaN(shortfall) ? Double.NEGATIVE_INFINITY : -shortfall;
              v.observe(family, key, null, violation, null, slack, () -> duals.dual(familyIndex, -1, key));
            });
        v.checked = before + family.rowCount();
      } else {
        long[] index = {0};
        family.forEachRow(
            row -> {
              long r = index[0]++;
              v.observe(row, nanAsInfinite(row.violation(x)), null, row.slack(x), duals.dual(familyIndex, r, row.key()));
            });
      }
    }
    List<ColumnBounds> bounds = lp.bounds();
    for (int j = 0; j < bounds.size(); j++) {
      v.observeBound(j, nanAsInfinite(bounds.get(j).violation(x[j])), null);
    }
    return new Result(v.finish(false, lp.objective().value(x)), v.regretPerAgent.clone());
  }

  /** Takes in the tallies of a parallel scan of {@code family}, as if each row had been observed. */
  private void absorb(
      ConstraintFamily family,
      int familyIndex,
      double[] x,
      List<ParallelScan.Tally> tallies,
      DualLookup duals,
      ScannedDuals keysWithDuals) {
    checked += family.rowCount();
    long bindingRows = 0;
    for (ParallelScan.Tally tally : tallies) {
      if (tally.maxViolation > maxViolation) {
        maxViolation = tally.maxViolation;
        worstRow = family.rowName(tally.worstKey);
      }
      if (family.isIncentiveConstraint()) {
        for (int i = 0; i < regretPerAgent.length; i++) {
          regretPerAgent[i] = Math.max(regretPerAgent[i], tally.regretPerAgent[i]);
        }
      }
      violationCount += tally.violated;
      for (int j = 0; j < tally.violatedKeys.size(); j++) {
        int[] key = tally.violatedKeys.get(j);
        offer(
            violations,
            new RowCheck(family.id(), family.rowName(key), family.describe(key), family.agentOf(key),
                tally.violatedAmounts.get(j), null, duals.dual(familyIndex, -1, key), Sense.GE),
            Comparator.comparingDouble(RowCheck::amount));
      }
      bindingRows += tally.binding;
    }
    if (bindingRows > 0) {
      bindingCounts.merge(family.id(), bindingRows, Long::sum);
    }
    if (maxListed == 0 || bindingRows == 0) {
      return;
    }
    java.util.Set<String> listed = new java.util.HashSet<>();
    keysWithDuals.forEachKey(familyIndex, key -> listBinding(family, familyIndex, x, key, duals, listed));
  }

  /** Offers a scanned row to the binding listing if it binds and is not listed yet. */
  private void listBinding(
      ConstraintFamily family, int familyIndex, double[] x, int[] key, DualLookup duals, java.util.Set<String> listed) {
    Row row = family.rowOf(key);
    double slack = row.slack(x);
    if (nanAsInfinite(row.violation(x)) > tolerance || Math.abs(slack) > tolerance) {
      return;
    }
    String name = family.rowName(key);
    if (!listed.add(name)) {
      return;
    }
    offer(
        binding,
        new RowCheck(family.id(), name, family.describe(key), family.agentOf(key), slack, null,
            duals.dual(familyIndex, -1, key), row.sense()),
        binding.comparator());
  }

  /** A NaN violation (a NaN coordinate) must not pass as 0: every comparison with NaN is false. */
  private static double nanAsInfinite(double violation) {
    return Double.isNaN(violation) ? Double.POSITIVE_INFINITY : violation;
  }

  /** Verifies an exact point in rational arithmetic. */
  public static Result verifyExact(
      LinearProgram lp, BigFraction[] x, double tolerance, int maxListed, int agentCount) {
    SolutionVerifier v = new SolutionVerifier(lp, tolerance, maxListed, agentCount);
    for (ConstraintFamily family : lp.families()) {
      family.forEachRow(
          row -> {
            BigFraction violation = row.violation(x);
            BigFraction gap = row.activity(x).subtract(row.rhs());
            double slack =
                switch (row.sense()) {
                  case LE -> -gap.doubleValue();
                  case GE -> gap.doubleValue();
                  case EQ -> -gap.abs().doubleValue();
                };
            v.observe(row, violation.doubleValue(), violation, slack, null);
          });
    }
    List<ColumnBounds> bounds = lp.bounds();
    for (int j = 0; j < bounds.size(); j++) {
      BigFraction violation = bounds.get(j).violation(x[j]);
      v.observeBound(j, violation.doubleValue(), violation);
    }
    for (int j = 0; j < bounds.size(); j++) {
      if (lp.isInteger(j)) {
        // |x - trunc(x)| lies in [0, 1); the distance to the nearest integer is the smaller of it and 1 minus it.
        BigFraction below =
            x[j].subtract(new BigFraction(x[j].getNumerator().divide(x[j].getDenominator()))).abs();
        BigFraction above = BigFraction.ONE.subtract(below);
        BigFraction distance = below.compareTo(above) <= 0 ? below : above;
        v.observeIntegrality(j, distance.doubleValue(), distance);
      }
    }
    return new Result(
        v.finish(true, lp.objective().value(x).doubleValue()), v.regretPerAgent.clone());
  }

  private void observe(Row row, double violation, BigFraction exact, double slack, Double dual) {
    observe(row.family(), row.key(), row.sense(), violation, exact, slack, () -> dual);
  }

  /**
   * One row; {@code sense} may be null (then the family gives it, only if the row is listed), and the dual is
   * fetched only when it matters, so scanning millions of binding rows stays cheap.
   */
  private void observe(
      ConstraintFamily family,
      int[] key,
      Sense knownSense,
      double violation,
      BigFraction exact,
      double slack,
      Supplier<Double> dualOf) {
    checked++;
    recordMax(violation, exact, () -> family.rowName(key));
    int agent = family.agentOf(key);
    if (family.isIncentiveConstraint() && agent >= 0 && violation > regretPerAgent[agent]) {
      regretPerAgent[agent] = violation;
    }
    if (isViolation(violation, exact)) {
      violationCount++;
      if (maxListed > 0
          && (violations.size() < maxListed || violation >= violations.peek().amount())) {
        Sense sense = knownSense == null ? family.senseOf(key) : knownSense;
        offer(
            violations,
            new RowCheck(
                family.id(), family.rowName(key), family.describe(key), agent, violation, exact, dualOf.get(),
                sense),
            Comparator.comparingDouble(RowCheck::amount));
      }
      return;
    }
    Sense sense = knownSense == null ? family.senseOf(key) : knownSense;
    boolean countsAsBinding =
        sense == Sense.EQ
            ? family.id().startsWith("budget") || family.id().equals(CustomConstraintFamily.ID)
            : Math.abs(slack) <= tolerance;
    if (countsAsBinding) {
      bindingCounts.merge(family.id(), 1L, Long::sum);
      if (maxListed == 0) {
        return;
      }
      Double dual = dualOf.get();
      if (binding.size() >= maxListed) {
        // Skip rows that cannot enter before building their names and descriptions.
        double head = binding.peek().dual() == null ? 0 : Math.abs(binding.peek().dual());
        double own = dual == null ? 0 : Math.abs(dual);
        if (own < head || (own == head && family.rowName(key).compareTo(binding.peek().rowName()) >= 0)) {
          return;
        }
      }
      offer(
          binding,
          new RowCheck(family.id(), family.rowName(key), family.describe(key), agent, slack, null, dual, sense),
          binding.comparator());
    }
  }

  private void observeBound(int column, double violation, BigFraction exact) {
    checked++;
    recordMax(violation, exact, () -> lp.columnName(column));
    if (isViolation(violation, exact)) {
      violationCount++;
      ColumnBounds b = lp.bounds().get(column);
      String name = lp.columnName(column);
      String text =
          "Bounds: "
              + name
              + " must lie in ["
              + (b.lower() == null ? "-inf" : Fractions.format(b.lower()))
              + ", "
              + (b.upper() == null ? "+inf" : Fractions.format(b.upper()))
              + "]";
      offer(
          violations,
          new RowCheck(BOUNDS_FAMILY, name, text, -1, violation, exact, null),
          Comparator.comparingDouble(RowCheck::amount));
    }
  }

  /** An integer column's distance to the nearest integer is a violation named after the column. */
  private void observeIntegrality(int column, double violation, BigFraction exact) {
    checked++;
    recordMax(violation, exact, () -> lp.columnName(column));
    if (isViolation(violation, exact)) {
      violationCount++;
      String name = lp.columnName(column);
      offer(
          violations,
          new RowCheck(
              INTEGRALITY_FAMILY, name, "Integrality: " + name + " must be an integer", -1, violation, exact, null),
          Comparator.comparingDouble(RowCheck::amount));
    }
  }

  private boolean isViolation(double violation, BigFraction exact) {
    if (exact != null) {
      return exact.compareTo(exactTolerance) > 0;
    }
    return violation > tolerance;
  }

  private void recordMax(double violation, BigFraction exact, Supplier<String> name) {
    if (exact != null) {
      // Compare exactly, so the worst row is the exact argmax even below double resolution.
      if (exact.compareTo(exactMaxViolation) > 0) {
        exactMaxViolation = exact;
        maxViolation = violation;
        worstRow = name.get();
      }
      return;
    }
    if (violation > maxViolation) {
      maxViolation = violation;
      worstRow = name.get();
    }
  }

  private void offer(PriorityQueue<RowCheck> queue, RowCheck row, Comparator<? super RowCheck> order) {
    if (maxListed == 0) {
      return;
    }
    if (queue.size() < maxListed) {
      queue.add(row);
    } else if (order.compare(row, queue.peek()) > 0) {
      queue.poll();
      queue.add(row);
    }
  }

  private Verification finish(boolean exact, double objective) {
    List<RowCheck> violated = new ArrayList<>(violations);
    violated.sort(
        Comparator.comparingDouble(RowCheck::amount).reversed().thenComparing(RowCheck::rowName));
    List<RowCheck> binds = new ArrayList<>(binding);
    binds.sort(binding.comparator().reversed());
    return new Verification(
        maxViolation,
        worstRow,
        checked,
        exact,
        exact ? exactMaxViolation : null,
        violated,
        violationCount,
        binds,
        bindingCounts,
        objective,
        tolerance);
  }
}
