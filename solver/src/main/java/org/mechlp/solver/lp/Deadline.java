package org.mechlp.solver.lp;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * When the solves of one command (or of one problem in a batch) must stop: a limit counted from one start, so that
 * compiling the LP, a fallback backend and every re-solve share the limit rather than each getting all of it.
 *
 * @param limit the whole budget
 * @param startNanos {@link System#nanoTime()} when the budget started
 * @param byDefault true when nobody asked for a limit and {@link #DEFAULT_LIMIT} applies
 */
public record Deadline(Duration limit, long startNanos, boolean byDefault) {
  /**
   * The limit when none is given: no LP mechlp answers in ordinary use comes near it (the largest measured, 528,384
   * rows, took about 200 s), but a first-order method that never converges must still end.
   */
  public static final Duration DEFAULT_LIMIT = Duration.ofHours(1);

  public Deadline {
    Objects.requireNonNull(limit, "limit");
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("the time limit must be positive, got " + limit);
    }
  }

  /** A deadline {@code limit} from now, or {@link #DEFAULT_LIMIT} from now when {@code limit} is null. */
  public static Deadline after(Duration limit) {
    return limit == null
        ? new Deadline(DEFAULT_LIMIT, System.nanoTime(), true)
        : new Deadline(limit, System.nanoTime(), false);
  }

  /** The time left (zero once the deadline has passed). */
  public Duration remaining() {
    long left = limit.toNanos() - (System.nanoTime() - startNanos);
    return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
  }

  /** Whether the deadline has passed. */
  public boolean passed() {
    return remaining().isZero();
  }

  /** The same budget, starting now (each problem of a batch gets the whole limit). */
  public Deadline restarted() {
    return new Deadline(limit, System.nanoTime(), byDefault);
  }

  /** "the time limit of 2 s" or "the default time limit of 3600 s", for messages. */
  public String describe() {
    double seconds = limit.toNanos() / 1e9;
    String amount =
        seconds == Math.rint(seconds) || seconds >= 10
            ? String.format(Locale.ROOT, "%d s", Math.round(seconds))
            : String.format(Locale.ROOT, "%.3g s", seconds);
    return (byDefault ? "the default time limit of " : "the time limit of ") + amount;
  }
}
