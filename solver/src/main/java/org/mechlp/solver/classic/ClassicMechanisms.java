package org.mechlp.solver.classic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mechlp.model.Problem;

/**
 * Every built-in mechanism by name, and which of them apply to a problem.
 *
 * <pre>{@code
 * for (ClassicMechanism m : ClassicMechanisms.applicable(problem)) {
 *   BuiltMechanism built = m.build(problem, ClassicOptions.defaults());
 *   CheckReport report = MechanismChecker.check(problem, built.mechanism(), CheckOptions.defaults());
 * }
 * }</pre>
 */
public final class ClassicMechanisms {
  private static final List<ClassicMechanism> ALL =
      List.of(
          new Vcg(),
          new Groves(),
          new Agv(),
          new SecondPrice(),
          new PostedPrice(),
          new Myerson(),
          new SerialDictatorship(),
          new RandomPriority());

  private ClassicMechanisms() {}

  /** Every built-in, in a fixed order (the order of listings). */
  public static List<ClassicMechanism> all() {
    return ALL;
  }

  /** The names of every built-in, in the order of {@link #all()}. */
  public static List<String> names() {
    return ALL.stream().map(ClassicMechanism::name).toList();
  }

  /** The built-in called {@code name}, or empty. */
  public static Optional<ClassicMechanism> named(String name) {
    return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /** The built-ins that apply to {@code problem} with the default options, in the order of {@link #all()}. */
  public static List<ClassicMechanism> applicable(Problem problem) {
    List<ClassicMechanism> result = new ArrayList<>();
    for (ClassicMechanism m : ALL) {
      if (m.applicability(problem).isEmpty()) {
        result.add(m);
      }
    }
    return result;
  }

  /**
   * Builds the built-in {@code name} for {@code problem}.
   *
   * @throws IllegalArgumentException when no built-in has that name
   * @throws NotApplicableException when it does not apply, with the reason
   */
  public static BuiltMechanism build(String name, Problem problem, ClassicOptions options)
      throws NotApplicableException {
    ClassicMechanism m =
        named(name).orElseThrow(() -> new IllegalArgumentException("no built-in mechanism named " + name));
    return m.build(problem, options);
  }
}
