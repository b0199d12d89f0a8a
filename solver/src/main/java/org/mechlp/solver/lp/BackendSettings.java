package org.mechlp.solver.lp;

import java.time.Duration;
import java.util.Objects;

/**
 * How to run the backend.
 *
 * @param backend the engine
 * @param threads threads the backend may use (only PDLP uses more than one)
 * @param deadline when every solve made with these settings must have stopped (one budget for the whole command)
 */
public record BackendSettings(Backend backend, int threads, Deadline deadline) {
  public BackendSettings {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(deadline, "deadline");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
  }

  /**
   * Settings whose deadline is {@code timeLimit} from now ({@link Deadline#DEFAULT_LIMIT} when null). Settings built
   * from another's {@link #timeLimit()} therefore keep its deadline.
   */
  public BackendSettings(Backend backend, Duration timeLimit, int threads) {
    this(backend, threads, Deadline.after(timeLimit));
  }

  /** GLOP, the default limit, one thread. */
  public static BackendSettings defaults() {
    return new BackendSettings(Backend.GLOP, null, 1);
  }

  /** The time left before the deadline (zero once it has passed); never null. */
  public Duration timeLimit() {
    return deadline.remaining();
  }

  /** The same deadline and threads with another backend. */
  public BackendSettings withBackend(Backend other) {
    return new BackendSettings(other, threads, deadline);
  }

  /** The same settings with the whole budget starting now. */
  public BackendSettings restarted() {
    return new BackendSettings(backend, threads, deadline.restarted());
  }
}
