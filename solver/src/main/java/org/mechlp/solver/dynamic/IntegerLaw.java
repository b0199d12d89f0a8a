package org.mechlp.solver.dynamic;

import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.dynamic.ProductTransition;
import org.mechlp.model.dynamic.SignalSpace;
import org.mechlp.model.dynamic.Stage;
import org.mechlp.model.dynamic.Transition;

/**
 * A period's transition mu(q | a, p) as integers over one common denominator, built once per transition and shared
 * by every period with the same (stationary) transition. Expectations are then integer dot products with one
 * division at the end, instead of a gcd per term. The others' laws m(y) (the columns of M) are sums of the rows'
 * numerators over the agent's own next signal, over the same denominator.
 */
final class IntegerLaw {
  private static final Map<Transition, IntegerLaw> BUILT = Collections.synchronizedMap(new WeakHashMap<>());

  private final SignalSpace next;
  private final int froms;
  private final BigInteger den;
  private final ScaledVector[] rows;
  private final AtomicReferenceArray<ScaledVector>[] others;
  private final int[][] othersIndex;

  @SuppressWarnings("unchecked")
  private IntegerLaw(SignalSpace next, int actions, int froms, BigInteger den, ScaledVector[] rows) {
    this.next = next;
    this.froms = froms;
    this.den = den;
    this.rows = rows;
    int n = next.agentCount();
    this.others = new AtomicReferenceArray[n];
    this.othersIndex = new int[n][next.profileCount()];
    for (int i = 0; i < n; i++) {
      others[i] = new AtomicReferenceArray<>(actions * froms);
      for (int q = 0; q < next.profileCount(); q++) {
        othersIndex[i][q] = next.othersIndex(q, i);
      }
    }
  }

  /** The law of {@code stage}'s transition (which must exist: not the last period of a finite horizon). */
  static IntegerLaw of(Stage stage) {
    Transition t = stage.transition();
    IntegerLaw law = BUILT.get(t);
    if (law == null) {
      law = build(t, stage.actions().size(), stage.signals().profileCount());
      BUILT.put(t, law);
    }
    return law;
  }

  /** The common denominator. */
  BigInteger den() {
    return den;
  }

  /** mu(. | a, p) over the next period's profiles, as numerators over {@link #den()}. */
  ScaledVector row(int action, int from) {
    return rows[action * froms + from];
  }

  /** E[f(theta') | a, theta] exactly. */
  BigFraction expectation(int action, int from, ScaledVector f) {
    return new BigFraction(Dots.dot(row(action, from), f), den.multiply(f.den()));
  }

  /** m(y): the law of agent i's others' next signals given (a, p), as numerators over {@link #den()}. */
  ScaledVector others(int agent, int action, int from) {
    int index = action * froms + from;
    ScaledVector m = others[agent].get(index);
    if (m == null) {
      // Two threads racing here compute the same vector.
      ScaledVector row = rows[index];
      BigInteger[] sum = new BigInteger[next.othersCount(agent)];
      java.util.Arrays.fill(sum, BigInteger.ZERO);
      for (int q = 0; q < row.length(); q++) {
        int y = othersIndex[agent][q];
        sum[y] = sum[y].add(row.num(q));
      }
      m = ScaledVector.of(sum, den);
      others[agent].set(index, m);
    }
    return m;
  }

  /** m(y) as fractions. */
  BigFraction[] othersLaw(int agent, int action, int from) {
    ScaledVector m = others(agent, action, from);
    BigFraction[] law = new BigFraction[m.length()];
    Map<BigInteger, BigFraction> reduced = new java.util.HashMap<>(); // few distinct values: one gcd each
    for (int y = 0; y < law.length; y++) {
      law[y] = reduced.computeIfAbsent(m.num(y), n -> new BigFraction(n, den));
    }
    return law;
  }

  private static IntegerLaw build(Transition t, int actions, int froms) {
    SignalSpace next = t.next();
    int to = next.profileCount();
    ScaledVector[] rows = new ScaledVector[actions * froms];
    if (t instanceof ProductTransition product) {
      // Each agent's own factors over the lcm of its denominators; the rows are products of those numerators.
      int n = product.agentCount();
      BigInteger[] agentDen = new BigInteger[n];
      BigInteger den = BigInteger.ONE;
      for (int j = 0; j < n; j++) {
        agentDen[j] = BigInteger.ONE;
        for (int a = 0; a < actions; a++) {
          for (int p = 0; p < froms; p++) {
            for (int s = 0; s < next.size(j); s++) {
              agentDen[j] = lcm(agentDen[j], product.own(j, a, p, s).getDenominator());
            }
          }
        }
        den = den.multiply(agentDen[j]);
      }
      for (int a = 0; a < actions; a++) {
        for (int p = 0; p < froms; p++) {
          BigInteger[] num = {BigInteger.ONE};
          for (int j = 0; j < n; j++) {
            int k = next.size(j);
            BigInteger[] grown = new BigInteger[num.length * k];
            for (int s = 0; s < k; s++) {
              BigFraction f = product.own(j, a, p, s);
              BigInteger factor = f.getNumerator().multiply(agentDen[j].divide(f.getDenominator()));
              for (int idx = 0; idx < num.length; idx++) {
                grown[idx * k + s] = num[idx].multiply(factor);
              }
            }
            num = grown;
          }
          rows[a * froms + p] = ScaledVector.of(num, den);
        }
      }
      return new IntegerLaw(next, actions, froms, den, rows);
    }
    BigInteger den = BigInteger.ONE;
    for (int a = 0; a < actions; a++) {
      for (int p = 0; p < froms; p++) {
        for (int q = 0; q < to; q++) {
          den = lcm(den, t.probability(a, p, q).getDenominator());
        }
      }
    }
    for (int a = 0; a < actions; a++) {
      for (int p = 0; p < froms; p++) {
        BigInteger[] num = new BigInteger[to];
        for (int q = 0; q < to; q++) {
          BigFraction f = t.probability(a, p, q);
          num[q] = f.getNumerator().multiply(den.divide(f.getDenominator()));
        }
        rows[a * froms + p] = ScaledVector.of(num, den);
      }
    }
    return new IntegerLaw(next, actions, froms, den, rows);
  }

  static BigInteger lcm(BigInteger a, BigInteger b) {
    return a.mod(b).signum() == 0 ? a : a.divide(a.gcd(b)).multiply(b);
  }
}
