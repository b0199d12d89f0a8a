package org.mechlp.model;

import java.util.List;

/**
 * A named quantity a custom constraint ({@link CustomConstraint}) may weigh: each is linear in the mechanism's
 * allocation probabilities x(o | θ) and transfers t_i(θ), under truthful reports and the prior f.
 */
public sealed interface ConstraintQuantity {
  /** The field that names this quantity in a problem file, for example {@code "allocation"}. */
  String json();

  /**
   * The interim allocation of a type: the probability that the outcome is in {@code outcomes} given that {@code agent}
   * has type {@code type}, sum_{θ_-i, ω} f(θ, ω) / f_i(θ_i) sum_{o in S} x(o | θ). The type has positive probability.
   */
  record InterimAllocation(int agent, int type, List<Integer> outcomes) implements ConstraintQuantity {
    public InterimAllocation {
      outcomes = List.copyOf(outcomes);
    }

    @Override
    public String json() {
      return "allocation";
    }
  }

  /**
   * The probability that the outcome is in {@code outcomes}: at the type profile {@code profile} (one type index per
   * agent), sum_{o in S} x(o | θ); or, when {@code profile} is null, in expectation over the prior, sum_θ f(θ) sum_{o in
   * S} x(o | θ).
   */
  record OutcomeProbability(List<Integer> outcomes, List<Integer> profile) implements ConstraintQuantity {
    public OutcomeProbability {
      outcomes = List.copyOf(outcomes);
      profile = profile == null ? null : List.copyOf(profile);
    }

    /** Whether this is the ex ante probability (no profile given). */
    public boolean inExpectation() {
      return profile == null;
    }

    @Override
    public String json() {
      return "probability";
    }
  }

  /**
   * An agent's expected payment: sum_θ f(θ) t_i(θ) when {@code type} is -1, else the interim payment of that type,
   * sum_{θ_-i} f(θ) / f_i(θ_i) t_i(θ). Zero when the problem has no transfers.
   */
  record ExpectedPayment(int agent, int type) implements ConstraintQuantity {
    /** Whether this is the ex ante payment (no type given). */
    public boolean exAnte() {
      return type < 0;
    }

    @Override
    public String json() {
      return "payment";
    }
  }

  /**
   * A type's interim utility under truthful reports, sum_{θ_-i, ω} f(θ, ω) / f_i(θ_i) [sum_o x(o | θ) v_i(o, θ, ω) -
   * t_i(θ)]. The type has positive probability.
   */
  record InterimUtility(int agent, int type) implements ConstraintQuantity {
    @Override
    public String json() {
      return "utility";
    }
  }

  /** The expected budget, sum_θ f(θ) [sum_i t_i(θ) - sum_o cost(o) x(o | θ)]: what the designer keeps on average. */
  record ExpectedBudget() implements ConstraintQuantity {
    @Override
    public String json() {
      return "budget";
    }
  }

  /** Every quantity's field name, in the order the docs list them. */
  static List<String> names() {
    return List.of("allocation", "probability", "payment", "utility", "budget");
  }
}
