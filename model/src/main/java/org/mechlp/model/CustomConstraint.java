package org.mechlp.model;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * One user-defined linear condition of {@code mechanism.constraints}: sum_k c_k q_k (relation) rhs, where each q_k is
 * a named {@link ConstraintQuantity} (an interim allocation, an outcome probability, a payment, an interim utility or
 * the expected budget) and every number is exact.
 *
 * @param name the constraint's name, unique in the problem; it names the LP row ({@code custom[name]})
 * @param description the user's words for it, or empty
 * @param terms the weighted quantities, in file order (at least one)
 * @param relation {@code <=}, {@code >=} or {@code =}
 * @param rhs the constant on the right-hand side
 * @param path the JSON path of the constraint in its file, for messages
 */
public record CustomConstraint(
    String name, String description, List<Term> terms, Relation relation, BigFraction rhs, String path) {
  public CustomConstraint {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    terms = List.copyOf(terms);
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(rhs, "rhs");
    Objects.requireNonNull(path, "path");
  }

  /**
   * One weighted quantity.
   *
   * @param coefficient its exact weight (default 1 in the file)
   * @param quantity what is weighed
   * @param path the term's JSON path, for messages
   */
  public record Term(BigFraction coefficient, ConstraintQuantity quantity, String path) {
    public Term {
      Objects.requireNonNull(coefficient, "coefficient");
      Objects.requireNonNull(quantity, "quantity");
      Objects.requireNonNull(path, "path");
    }
  }

  /** How the weighted sum compares with the constant. */
  public enum Relation {
    LE("<="),
    GE(">="),
    EQ("=");

    private final String json;

    Relation(String json) {
      this.json = json;
    }

    /** The operator as written in the file. */
    public String json() {
      return json;
    }
  }
}
