package org.mechlp.solver.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The registry of {@link SolveMode}s: the built-in ones, then those other modules declare in {@code
 * META-INF/services/org.mechlp.solver.pipeline.SolveMode}, then the standard mode, which fits every problem.
 */
public final class SolveModes {
  /** The built-in modes other than the standard one, in the order {@link SolveRequest#AUTO} asks them. */
  static final List<SolveMode> BUILT_IN =
      List.of(new CalibratedMode(), new DeterministicMode(), new RangeMode(), new DataDrivenMode());

  private SolveModes() {}

  /** Every registered mode, in the order {@link SolveRequest#AUTO} asks them; the standard mode is last. */
  public static List<SolveMode> all() {
    List<SolveMode> modes = new ArrayList<>(BUILT_IN);
    ServiceLoader.load(SolveMode.class).forEach(modes::add);
    modes.add(new StandardMode());
    return List.copyOf(modes);
  }

  /** The names of every registered mode, for help texts and messages. */
  public static List<String> names() {
    return all().stream().map(SolveMode::name).toList();
  }

  /**
   * The mode that runs {@code request}: the one it names, or for {@link SolveRequest#AUTO} the first that fits the
   * problem.
   *
   * @throws InvalidRequestException when no registered mode has the requested name
   */
  public static SolveMode of(SolveRequest request) {
    List<SolveMode> modes = all();
    for (SolveMode mode : modes) {
      if (request.mode().equals(SolveRequest.AUTO)
          ? mode.fitsAutomatically(request.problem())
          : mode.name().equals(request.mode())) {
        if (request.problem().isDataDriven() && !(mode instanceof DataDrivenMode)) {
          // Any other mode would drop the estimator and solve a different problem without saying so.
          throw new InvalidRequestException("--mode " + request.mode() + ": " + request.problem().name()
              + " has an \"estimator\" block, so its transfers depend on the estimate; solve it with --mode "
              + new DataDrivenMode().name() + " (what --mode auto picks), or remove the block for a standard problem");
        }
        return mode;
      }
    }
    throw new InvalidRequestException(
        "--mode: unknown mode '" + request.mode() + "', expected " + SolveRequest.AUTO + " or one of "
            + String.join(", ", modes.stream().map(SolveMode::name).toList()));
  }
}
