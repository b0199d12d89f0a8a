package org.mechlp.solver.calibrated;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * The rows of a per-posterior family summed over groups of posteriors, each with a weight: a row keyed {@code {g,
 * rest...}} contributes {@code weight(key)} times itself to the pooled row keyed {@code pool(key)} (for example
 * {@code {rest...}} to sum over every posterior, or {@code {cell, rest...}} to sum within cells of states). With the state vertices as
 * posteriors, weights fixed to the prior and weights P_g(θ_i) / f_i(θ_i), pooling the posterior IC and IR rows gives
 * the standard BIC and interim IR rows of a designer who knows the state (docs/THEORY.md, Several agents: a public
 * signal, "The standard bound"). All pooled rows must share the sense and the right-hand side 0 of the base rows.
 */
final class PooledFamily implements ConstraintFamily {
  /** Names and words for a pooled key. */
  interface Text {
    String name(int[] key);

    String describe(int[] key);

    /** The agent the pooled row protects. */
    int agent(int[] key);
  }

  private final ConstraintFamily base;
  private final String id;
  private final String title;
  private final Function<int[], int[]> pool;
  private final Function<int[], BigFraction> weight;
  private final Text text;
  private final List<int[]> keys = new ArrayList<>();

  /** Sums every posterior's rows with the same {@code {rest...}}. */
  PooledFamily(ConstraintFamily base, String id, String title, Function<int[], BigFraction> weight, Text text) {
    this(base, id, title, key -> Arrays.copyOfRange(key, 1, key.length), weight, text);
  }

  /** Sums the rows {@code pool} maps to the same key. */
  PooledFamily(
      ConstraintFamily base,
      String id,
      String title,
      Function<int[], int[]> pool,
      Function<int[], BigFraction> weight,
      Text text) {
    this.base = Objects.requireNonNull(base, "base");
    this.id = id;
    this.title = title;
    this.pool = pool;
    this.weight = weight;
    this.text = text;
    Map<List<Integer>, int[]> seen = new LinkedHashMap<>();
    base.forEachRow(
        row -> {
          int[] pooled = pool.apply(row.key());
          seen.putIfAbsent(list(pooled), pooled);
        });
    keys.addAll(seen.values());
  }

  private static List<Integer> list(int[] key) {
    return Arrays.stream(key).boxed().toList();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public long rowCount() {
    return keys.size();
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    Map<List<Integer>, Map<Integer, BigFraction>> terms = new LinkedHashMap<>();
    Map<List<Integer>, Sense> senses = new LinkedHashMap<>();
    for (int[] key : keys) {
      terms.put(list(key), new LinkedHashMap<>());
    }
    base.forEachRow(
        row -> {
          if (!Fractions.isZero(row.rhs())) {
            throw new IllegalStateException(row.name() + " has a non-zero right-hand side and cannot be pooled");
          }
          BigFraction w = weight.apply(row.key());
          List<Integer> pooled = list(pool.apply(row.key()));
          Map<Integer, BigFraction> sum = terms.get(pooled);
          Sense previous = senses.put(pooled, row.sense());
          if (previous != null && previous != row.sense()) {
            throw new IllegalStateException(row.name() + " differs in sense from the rows pooled with it");
          }
          for (int k = 0; k < row.columns().length; k++) {
            PosteriorLayout.add(sum, row.columns()[k], w.multiply(row.coefficients()[k]));
          }
        });
    for (int[] key : keys) {
      List<Integer> k = list(key);
      sink.accept(PosteriorLayout.row(this, key, terms.get(k), senses.get(k), BigFraction.ZERO));
    }
  }

  @Override
  public String rowName(int[] key) {
    return text.name(key);
  }

  @Override
  public String describe(int[] key) {
    return text.describe(key);
  }

  @Override
  public int agentOf(int[] key) {
    return text.agent(key);
  }

  @Override
  public boolean isIncentiveConstraint() {
    return base.isIncentiveConstraint();
  }
}
