package org.mechlp.solver.classic;

import java.util.Optional;
import org.mechlp.model.Problem;

/**
 * A built-in read from a problem's {@link Setting}: the checks every built-in shares (a standard problem, transfers
 * when it needs them, private values) come first, then the mechanism's own ({@link #reason}), and {@link #build}
 * runs only when none applies.
 */
abstract class SettingMechanism implements ClassicMechanism {
  /** Whether the mechanism charges transfers (so that a problem without transfers rules it out). */
  abstract boolean needsTransfers();

  /** Why this mechanism does not apply to the setting with these options, or empty. */
  Optional<String> reason(Setting s, ClassicOptions options) {
    return Optional.empty();
  }

  /** The mechanism, once {@link #reason} has found nothing. */
  abstract BuiltMechanism build(Setting s, ClassicOptions options);

  @Override
  public final Optional<String> applicability(Problem problem, ClassicOptions options) {
    Optional<String> reason = Setting.standardReason(problem, needsTransfers());
    if (reason.isPresent()) {
      return reason;
    }
    Setting.Read read = Setting.of(problem);
    return read.setting() == null ? Optional.of(read.reason()) : reason(read.setting(), options);
  }

  @Override
  public final BuiltMechanism build(Problem problem, ClassicOptions options) throws NotApplicableException {
    Optional<String> reason = Setting.standardReason(problem, needsTransfers());
    if (reason.isPresent()) {
      throw new NotApplicableException(name(), reason.get());
    }
    Setting.Read read = Setting.of(problem);
    if (read.setting() == null) {
      throw new NotApplicableException(name(), read.reason());
    }
    reason = reason(read.setting(), options);
    if (reason.isPresent()) {
      throw new NotApplicableException(name(), reason.get());
    }
    return build(read.setting(), options);
  }
}
