package org.mechlp.model;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * A value v(outcome, type profile, state), stored densely. {@link Scope} says what it depends on besides the outcome
 * and the state: nothing (a designer's value of outcomes), the owner's own type (private values), or the whole type
 * profile (interdependent values).
 */
public final class ValueFunction {
  /** What the value depends on besides the outcome and the state. */
  public enum Scope {
    /** Outcome and state only. */
    OUTCOME,
    /** The owner's own type (private values). */
    OWN_TYPE,
    /** The whole type profile (interdependent values). */
    PROFILE
  }

  private final Scope scope;
  private final int owner;
  private final int outcomeCount;
  private final int stateCount;
  private final int keyCount;
  private final BigFraction[] exact;
  private final double[] approx;
  private final boolean stateDependent;

  /**
   * @param scope what the value depends on
   * @param owner the agent whose own type keys an {@link Scope#OWN_TYPE} table (ignored otherwise)
   * @param values indexed {@code [key][state][outcome]}, where key is the own type, the profile, or 0
   */
  public ValueFunction(Scope scope, int owner, BigFraction[][][] values) {
    this.scope = scope;
    this.owner = owner;
    this.keyCount = values.length;
    this.stateCount = values[0].length;
    this.outcomeCount = values[0][0].length;
    this.exact = new BigFraction[keyCount * stateCount * outcomeCount];
    this.approx = new double[exact.length];
    boolean dependsOnState = false;
    for (int k = 0; k < keyCount; k++) {
      for (int w = 0; w < stateCount; w++) {
        for (int o = 0; o < outcomeCount; o++) {
          BigFraction v = values[k][w][o];
          int at = (k * stateCount + w) * outcomeCount + o;
          exact[at] = v;
          approx[at] = v.doubleValue();
          if (w > 0 && !v.equals(values[k][0][o])) {
            dependsOnState = true;
          }
        }
      }
    }
    this.stateDependent = dependsOnState;
  }

  /** What this value depends on. */
  public Scope scope() {
    return scope;
  }

  /** True when the value differs across states for some outcome and key. */
  public boolean isStateDependent() {
    return stateDependent;
  }

  private int index(int outcome, int profile, int state, TypeProfiles profiles) {
    int key =
        switch (scope) {
          case OUTCOME -> 0;
          case OWN_TYPE -> profiles.typeOf(profile, owner);
          case PROFILE -> profile;
        };
    return (key * stateCount + state) * outcomeCount + outcome;
  }

  /** The exact value of {@code outcome} at the true {@code profile} and {@code state}. */
  public BigFraction value(int outcome, int profile, int state, TypeProfiles profiles) {
    return exact[index(outcome, profile, state, profiles)];
  }

  /** The value as a double (precomputed from the exact one). */
  public double valueDouble(int outcome, int profile, int state, TypeProfiles profiles) {
    return approx[index(outcome, profile, state, profiles)];
  }
}
