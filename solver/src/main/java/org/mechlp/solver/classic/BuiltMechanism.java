package org.mechlp.solver.classic;

import java.util.List;
import java.util.Objects;
import org.mechlp.model.Mechanism;

/**
 * A built-in mechanism constructed for one problem.
 *
 * @param name the built-in's name ({@code vcg}, {@code second-price}, ...)
 * @param description what was built, with the choices made (the reserve, the computed price, the order)
 * @param mechanism the exact mechanism (every probability and transfer a fraction)
 * @param notes facts worth reporting (the ironed virtual values, the candidate prices compared), possibly empty
 */
public record BuiltMechanism(String name, String description, Mechanism mechanism, List<String> notes) {
  public BuiltMechanism {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(mechanism, "mechanism");
    notes = List.copyOf(notes);
  }
}
