package org.mechlp.solver.compare;

import java.util.List;
import java.util.Optional;
import org.mechlp.model.Problem;
import org.mechlp.solver.classic.BuiltMechanism;
import org.mechlp.solver.classic.ClassicMechanism;
import org.mechlp.solver.classic.ClassicMechanisms;
import org.mechlp.solver.classic.ClassicOptions;
import org.mechlp.solver.classic.NotApplicableException;

/**
 * The built-in classical mechanisms of {@link ClassicMechanisms} (VCG, Groves, AGV, second price, posted price,
 * Myerson, serial dictatorship, random priority), each with its default options, as the rows of a comparison.
 */
public final class ClassicBuiltIns implements BuiltInSource {
  /** The one instance: the registry is stateless. */
  public static final ClassicBuiltIns INSTANCE = new ClassicBuiltIns();

  private ClassicBuiltIns() {}

  @Override
  public List<String> names() {
    return ClassicMechanisms.names();
  }

  @Override
  public Optional<String> refusal(String name, Problem problem) {
    return mechanism(name).applicability(problem);
  }

  @Override
  public Built build(String name, Problem problem) {
    try {
      BuiltMechanism built = mechanism(name).build(problem, ClassicOptions.defaults());
      return new Built(built.mechanism(), built.description());
    } catch (NotApplicableException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static ClassicMechanism mechanism(String name) {
    return ClassicMechanisms.named(name)
        .orElseThrow(() -> new IllegalArgumentException("no built-in mechanism named " + name));
  }
}
