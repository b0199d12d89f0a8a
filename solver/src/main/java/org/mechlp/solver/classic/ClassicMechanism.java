package org.mechlp.solver.classic;

import java.util.Optional;
import org.mechlp.model.Problem;

/**
 * A built-in classical mechanism: a rule that turns a problem's data into an exact direct mechanism, without an LP.
 * Implementations are stateless.
 */
public interface ClassicMechanism {
  /** The name used on the command line, e.g. {@code vcg}. */
  String name();

  /** One line saying what the mechanism is, for listings. */
  String summary();

  /**
   * Why this mechanism cannot be built for {@code problem} with {@code options} (the wrong outcome structure,
   * correlated types, values that are not private, no transfers, ...), or empty when it can.
   */
  Optional<String> applicability(Problem problem, ClassicOptions options);

  /** As {@link #applicability(Problem, ClassicOptions)} with the default options. */
  default Optional<String> applicability(Problem problem) {
    return applicability(problem, ClassicOptions.defaults());
  }

  /**
   * The mechanism for {@code problem}, with exact allocation probabilities and transfers.
   *
   * @throws NotApplicableException when {@link #applicability} gives a reason
   */
  BuiltMechanism build(Problem problem, ClassicOptions options) throws NotApplicableException;
}
