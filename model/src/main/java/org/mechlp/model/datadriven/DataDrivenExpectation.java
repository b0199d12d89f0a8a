package org.mechlp.model.datadriven;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The data-driven parts of a problem file's {@code "expect"} block, checked by {@code mechlp batch} next to the
 * status and objective of the data-driven LP.
 *
 * @param source where the expected values come from (a hand derivation, a closed form, an independent computation)
 * @param messageDrivenStatus the expected status of the message-driven LP, or null
 * @param messageDrivenObjective its expected value, or null
 * @param vcgH the h of the data-driven VCG mechanism to check ({@code zero} or {@code clarke}), or null
 * @param vcgEpsilon the expected largest IC gain of that mechanism per agent name, exact
 * @param sequence per sample size, the expected largest IC gain of data-driven VCG per agent name
 */
public record DataDrivenExpectation(
    String source,
    String messageDrivenStatus,
    BigFraction messageDrivenObjective,
    String vcgH,
    Map<String, BigFraction> vcgEpsilon,
    List<SequencePoint> sequence) {
  public DataDrivenExpectation {
    vcgEpsilon = vcgEpsilon == null ? Map.of() : Map.copyOf(vcgEpsilon);
    sequence = sequence == null ? List.of() : List.copyOf(sequence);
  }

  /** The expected IC gain per agent at one sample size. */
  public record SequencePoint(int samples, Map<String, BigFraction> epsilon) {
    public SequencePoint {
      epsilon = Map.copyOf(epsilon);
    }
  }
}
