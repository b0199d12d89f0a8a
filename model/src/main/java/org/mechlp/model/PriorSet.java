package org.mechlp.model;

import java.util.List;
import java.util.Objects;

/**
 * The priors a problem is solved under: one (the usual case), or a finite set for a robust objective
 * (docs/THEORY.md, Robust and Rawlsian objectives). The problem's own {@link Problem#prior()} is the reference prior:
 * the first member of a set given in the file, or the empirical law of counted priors; reports of interim quantities
 * use it.
 *
 * @param names one name per member, unique
 * @param priors the members, at least one
 * @param counts the sample counts the priors came from, or null
 * @param region how counted priors were widened into a set, or null
 * @param scoredBy the member the objective is scored under alone (a regret benchmark: that prior's own optimum over
 *     the same constraints), or -1 when every member scores it (the robust objective)
 */
public record PriorSet(
    List<String> names, List<Prior> priors, SampleCounts counts, CredibleRegion region, int scoredBy) {
  public PriorSet {
    names = List.copyOf(names);
    priors = List.copyOf(priors);
    if (priors.isEmpty() || names.size() != priors.size()) {
      throw new IllegalArgumentException("one name per prior, and at least one prior, expected");
    }
    if (scoredBy < -1 || scoredBy >= priors.size()) {
      throw new IllegalArgumentException("no prior " + scoredBy);
    }
  }

  /** A set whose every member scores the objective. */
  public PriorSet(List<String> names, List<Prior> priors, SampleCounts counts, CredibleRegion region) {
    this(names, priors, counts, region, -1);
  }

  /** The single prior {@code prior}. */
  public static PriorSet single(Prior prior) {
    return new PriorSet(List.of("prior"), List.of(Objects.requireNonNull(prior, "prior")), null, null);
  }

  /** Number of priors. */
  public int size() {
    return priors.size();
  }

  /** Whether there are several priors, so that objectives and interim conditions are robust. */
  public boolean isSet() {
    return priors.size() > 1;
  }

  /** The k-th prior. */
  public Prior prior(int k) {
    return priors.get(k);
  }

  /** The k-th prior's name. */
  public String name(int k) {
    return names.get(k);
  }

  /** This set with the objective scored under member {@code k} alone (every member still constrains). */
  public PriorSet scoredBy(int k) {
    return new PriorSet(names, priors, counts, region, k);
  }

  /** The members that score the objective: all of them, or the one of {@link #scoredBy()}. */
  public List<Integer> scoring() {
    if (scoredBy >= 0) {
      return List.of(scoredBy);
    }
    return java.util.stream.IntStream.range(0, priors.size()).boxed().toList();
  }
}
