package org.mechlp.solver.compare;

import java.util.List;
import java.util.Optional;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;

/**
 * The built-in mechanisms a comparison lists (VCG, second price, posted price, ...): their names, whether each
 * applies to a problem, and the mechanism itself. The comparison checks each mechanism that applies against the
 * problem's own constraints and counts its violations.
 */
public interface BuiltInSource {
  /** No built-in mechanisms. */
  BuiltInSource NONE =
      new BuiltInSource() {
        @Override
        public List<String> names() {
          return List.of();
        }

        @Override
        public Optional<String> refusal(String name, Problem problem) {
          return Optional.empty();
        }

        @Override
        public Built build(String name, Problem problem) {
          throw new IllegalArgumentException("no built-in mechanism " + name);
        }
      };

  /** Every built-in mechanism's name, in the order the comparison lists them. */
  List<String> names();

  /** Why the mechanism {@code name} does not apply to {@code problem}, or empty when it applies. */
  Optional<String> refusal(String name, Problem problem);

  /**
   * The mechanism {@code name} for {@code problem}, which it applies to.
   *
   * @throws IllegalArgumentException when it does not apply after all (the row says why)
   */
  Built build(String name, Problem problem);

  /**
   * A built-in mechanism made for one problem.
   *
   * @param mechanism the mechanism (exact when the built-in computes it exactly)
   * @param description what was built, with the choices made (a computed price, a reserve), or empty
   */
  record Built(Mechanism mechanism, String description) {}
}
