package org.mechlp.model;

import java.util.List;

/**
 * Indexes type profiles in mixed radix, agent 0 most significant, so profile order is the lexicographic order of
 * the agents' type lists as written in the problem file.
 */
public final class TypeProfiles {
  private final int[] typeCounts;
  private final int[] strides;
  private final int count;

  /** Profiles of agents with the given numbers of types. */
  public TypeProfiles(int[] typeCounts) {
    this.typeCounts = typeCounts.clone();
    this.strides = new int[typeCounts.length];
    long total = 1;
    for (int i = typeCounts.length - 1; i >= 0; i--) {
      strides[i] = (int) total;
      total *= typeCounts[i];
      if (total > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("more than 2^31 type profiles");
      }
    }
    this.count = (int) total;
  }

  /** The profiles of the given agents. */
  public static TypeProfiles of(List<Agent> agents) {
    int[] counts = new int[agents.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = agents.get(i).typeCount();
    }
    return new TypeProfiles(counts);
  }

  /** Number of type profiles, the product of the agents' type counts. */
  public int count() {
    return count;
  }

  /** Number of agents. */
  public int agentCount() {
    return typeCounts.length;
  }

  /** Number of types of {@code agent}. */
  public int typeCount(int agent) {
    return typeCounts[agent];
  }

  /** The type of {@code agent} in {@code profile}. */
  public int typeOf(int profile, int agent) {
    return (profile / strides[agent]) % typeCounts[agent];
  }

  /** The profile equal to {@code profile} except that {@code agent} has type {@code type}. */
  public int withType(int profile, int agent, int type) {
    return profile + (type - typeOf(profile, agent)) * strides[agent];
  }

  /** The type of every agent in {@code profile}. */
  public int[] decode(int profile) {
    int[] types = new int[typeCounts.length];
    for (int i = 0; i < types.length; i++) {
      types[i] = typeOf(profile, i);
    }
    return types;
  }

  /** The index of the profile with the given types. */
  public int encode(int[] types) {
    int profile = 0;
    for (int i = 0; i < types.length; i++) {
      profile += types[i] * strides[i];
    }
    return profile;
  }

  /** The profiles in which {@code agent} has type {@code type}, in increasing order. */
  public int[] profilesWith(int agent, int type) {
    // Profile = high * (stride * k) + type * stride + low with low < stride: enumerate (high, low) in order rather
    // than test every profile, so that a call costs its result's length (callers ask once per type).
    int stride = strides[agent];
    int block = stride * typeCounts[agent];
    int[] result = new int[count / typeCounts[agent]];
    int n = 0;
    for (int high = 0; high < count; high += block) {
      int first = high + type * stride;
      for (int low = 0; low < stride; low++) {
        result[n++] = first + low;
      }
    }
    return result;
  }
}
