package org.mechlp.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.options.SolveOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * What shell completion offers for options with a fixed set of values, written as the user types them (lower case),
 * and a converter that reads an enum value in any case and names the lower-case choices when it is wrong.
 */
final class Completions {
  private Completions() {}

  /** The report formats: text, json, csv, latex. */
  static final class Formats implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return lowerCase(ReportFormat.values()).iterator();
    }
  }

  /** The LP backends by their command-line names: glop, pdlp, highs, clp, scip, cpsat. */
  static final class Solvers implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Backend.values()).map(Backend::cliName).iterator();
    }
  }

  /** The strategies of solve: full, lazy, symmetric, reduced, auto. */
  static final class Strategies implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return lowerCase(SolveOptions.Strategy.values()).iterator();
    }
  }

  static java.util.List<String> lowerCase(Enum<?>[] values) {
    return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
  }

  /** Reads an enum value in any case ({@code json}, {@code JSON}); a wrong one names the lower-case choices. */
  static final class LowerCaseEnum<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    LowerCaseEnum(Class<E> type) {
      this.type = type;
    }

    @Override
    public E convert(String value) {
      for (E e : type.getEnumConstants()) {
        if (e.name().replace('_', '-').equalsIgnoreCase(value)) {
          return e;
        }
      }
      throw new TypeConversionException(
          "expected one of " + String.join(", ", lowerCase(type.getEnumConstants())) + ", got '" + value + "'");
    }
  }
}
