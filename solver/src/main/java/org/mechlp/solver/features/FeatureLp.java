package org.mechlp.solver.features;

import java.time.Duration;
import java.util.stream.IntStream;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.ortools.DoubleLpSession;

/**
 * The feature LP in one OR-Tools model kept across the rounds of the lazy loop ({@link DoubleLpSession}): columns q_tk
 * in [0,1] and u_t, the objective of {@link FeatureForm}, and the IC rows (t, s) added so far. Rows are built
 * straight from doubles (no exact row objects: the answer is verified against the full problem's exact rows
 * afterwards).
 *
 * <p>Not thread-safe; close it.
 */
final class FeatureLp implements AutoCloseable {
  private final FeatureForm form;
  private final DoubleLpSession session;
  private final PairIndex index = new PairIndex();

  FeatureLp(FeatureForm form, Backend backend) {
    this.form = form;
    this.session = new DoubleLpSession(backend, form.maximize());
    for (int t = 0; t < form.types(); t++) {
      for (int k = 0; k < form.items(); k++) {
        int column = session.addColumn(0, 1, form.itemObjective(t, k));
        if (column != form.itemColumn(t, k)) {
          throw new IllegalStateException("columns out of order");
        }
      }
      session.addColumn(form.utilityLower(t), Double.POSITIVE_INFINITY, form.utilityObjective(t));
    }
    session.setObjectiveOffset(form.objectiveConstant());
  }

  /** Adds IC row (t, s) unless present: u_t - u_s - (w_t - w_s) q_s >= c_t - c_s. */
  void addRow(int t, int s) {
    if (index.contains(t, s)) {
      return;
    }
    double[] wt = form.weights(t);
    double[] ws = form.weights(s);
    int[] columns = new int[2 + wt.length];
    double[] coefficients = new double[columns.length];
    columns[0] = form.utilityColumn(t);
    coefficients[0] = 1;
    columns[1] = form.utilityColumn(s);
    coefficients[1] = -1;
    for (int k = 0; k < wt.length; k++) {
      columns[2 + k] = form.itemColumn(s, k);
      coefficients[2 + k] = -(wt[k] - ws[k]);
    }
    int row = session.addRow(form.base(t) - form.base(s), Double.POSITIVE_INFINITY, columns, coefficients);
    index.put(t, s, row);
  }

  PairIndex index() {
    return index;
  }

  int rowCount() {
    return session.rowCount();
  }

  long nonZeros() {
    return session.nonZeros();
  }

  int columnCount() {
    return session.columnCount();
  }

  Backend backend() {
    return session.backend();
  }

  /** One solve, warm after the first. */
  DoubleLpSession.Solution solve(Duration timeLimit) {
    return session.solve(timeLimit);
  }

  /**
   * The IC rows not in the LP that {@code point} violates by more than {@code threshold}, the {@code capacity} most
   * violated of them. Every pair (t, s) is evaluated, in parallel over blocks of reports s: with a_s = u_s - c_s -
   * w_s q_s, type t's gain from reporting s is a_s + c_t - u_t + w_t q_s.
   */
  WorstPairs violated(double[] point, double threshold, int capacity) {
    int types = form.types();
    int items = form.items();
    double[] w = new double[types * items];
    double[] own = new double[types];
    double[] a = new double[types];
    double[] q = new double[types * items];
    for (int t = 0; t < types; t++) {
      double[] wt = form.weights(t);
      double u = point[form.utilityColumn(t)];
      double wq = 0;
      for (int k = 0; k < items; k++) {
        w[t * items + k] = wt[k];
        q[t * items + k] = point[form.itemColumn(t, k)];
        wq += wt[k] * q[t * items + k];
      }
      own[t] = form.base(t) - u;
      a[t] = u - form.base(t) - wq;
    }
    int blocks = Math.max(1, Math.min(types, 64));
    WorstPairs[] found = new WorstPairs[blocks];
    IntStream.range(0, blocks)
        .parallel()
        .forEach(
            b -> {
              WorstPairs worst = new WorstPairs(capacity);
              int from = (int) ((long) types * b / blocks);
              int to = (int) ((long) types * (b + 1) / blocks);
              for (int s = from; s < to; s++) {
                double as = a[s];
                int qs = s * items;
                for (int t = 0; t < types; t++) {
                  double gain = as + own[t];
                  int wt = t * items;
                  for (int k = 0; k < items; k++) {
                    gain += w[wt + k] * q[qs + k];
                  }
                  if (gain > threshold && t != s && !index.contains(t, s)) {
                    worst.offer(PairIndex.pair(t, s), gain);
                  }
                }
              }
              found[b] = worst;
            });
    WorstPairs all = new WorstPairs(capacity);
    for (WorstPairs f : found) {
      all.addAll(f);
    }
    return all;
  }

  @Override
  public void close() {
    session.close();
  }
}
