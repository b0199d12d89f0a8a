package org.mechlp.solver.lp;

import java.time.Duration;
import java.util.Objects;

/**
 * How to run the backend.
 *
 * @param backend the engine
 * @param timeLimit wall-clock limit, or null for none
 * @param threads threads the backend may use (only PDLP uses more than one)
 */
public record BackendSettings(Backend backend, Duration timeLimit, int threads) {
  public BackendSettings {
    Objects.requireNonNull(backend, "backend");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
  }

  /** GLOP, no limit, one thread. */
  public static BackendSettings defaults() {
    return new BackendSettings(Backend.GLOP, null, 1);
  }
}
