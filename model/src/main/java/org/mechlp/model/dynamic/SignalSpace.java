package org.mechlp.model.dynamic;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The signal profiles of one period: each agent's finite signal set (names and numeric values), with profiles
 * indexed in mixed radix, agent 0 most significant ("lo,lo", "lo,hi", "hi,lo", "hi,hi"). The others' profiles of
 * agent i are indexed the same way with agent i left out.
 */
public final class SignalSpace {
  private final List<List<String>> names;
  private final List<List<BigFraction>> values;
  private final int[] sizes;
  private final int profiles;

  /** One list of signal names and one of values per agent. */
  public SignalSpace(List<List<String>> names, List<List<BigFraction>> values) {
    this.names = names.stream().map(List::copyOf).toList();
    this.values = values.stream().map(List::copyOf).toList();
    this.sizes = new int[names.size()];
    long count = 1;
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = names.get(i).size();
      count *= sizes[i];
      if (count > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("too many signal profiles");
      }
    }
    this.profiles = (int) count;
  }

  public int agentCount() {
    return sizes.length;
  }

  /** |Theta^i|. */
  public int size(int agent) {
    return sizes[agent];
  }

  /** |Theta|. */
  public int profileCount() {
    return profiles;
  }

  /** |Theta^-i|. */
  public int othersCount(int agent) {
    return profiles / sizes[agent];
  }

  /** The signal names of one agent. */
  public List<String> names(int agent) {
    return names.get(agent);
  }

  /** The numeric value of an agent's signal. */
  public BigFraction value(int agent, int signal) {
    return values.get(agent).get(signal);
  }

  /** Agent {@code agent}'s signal in profile {@code profile}. */
  public int signalOf(int profile, int agent) {
    int stride = 1;
    for (int j = sizes.length - 1; j > agent; j--) {
      stride *= sizes[j];
    }
    return (profile / stride) % sizes[agent];
  }

  /** Every agent's signal in a profile. */
  public int[] decode(int profile) {
    int[] s = new int[sizes.length];
    int rest = profile;
    for (int j = sizes.length - 1; j >= 0; j--) {
      s[j] = rest % sizes[j];
      rest /= sizes[j];
    }
    return s;
  }

  /** The profile with these signals. */
  public int encode(int[] signals) {
    int p = 0;
    for (int j = 0; j < sizes.length; j++) {
      p = p * sizes[j] + signals[j];
    }
    return p;
  }

  /** The index of the others' part of {@code profile}, from agent {@code agent}'s point of view. */
  public int othersIndex(int profile, int agent) {
    int[] s = decode(profile);
    int o = 0;
    for (int j = 0; j < sizes.length; j++) {
      if (j != agent) {
        o = o * sizes[j] + s[j];
      }
    }
    return o;
  }

  /** The profile where {@code agent} has signal {@code own} and the others have profile {@code others}. */
  public int compose(int agent, int own, int others) {
    int[] s = new int[sizes.length];
    int rest = others;
    for (int j = sizes.length - 1; j >= 0; j--) {
      if (j == agent) {
        s[j] = own;
      } else {
        s[j] = rest % sizes[j];
        rest /= sizes[j];
      }
    }
    return encode(s);
  }

  /** A profile as its signal names joined by commas: {@code "lo,hi"}. */
  public String profileName(int profile) {
    int[] s = decode(profile);
    List<String> parts = new ArrayList<>();
    for (int j = 0; j < s.length; j++) {
      parts.add(names.get(j).get(s[j]));
    }
    return String.join(",", parts);
  }

  /** The others' profile of {@code agent} as names joined by commas. */
  public String othersName(int agent, int others) {
    return dropAgent(profileName(compose(agent, 0, others)), agent);
  }

  private static String dropAgent(String profile, int agent) {
    String[] parts = profile.split(",", -1);
    List<String> kept = new ArrayList<>();
    for (int j = 0; j < parts.length; j++) {
      if (j != agent) {
        kept.add(parts[j]);
      }
    }
    return String.join(",", kept);
  }

  /** The profile named {@code "lo,hi"}, or -1. */
  public int profileOf(String name) {
    String[] parts = name.split(",", -1);
    if (parts.length != sizes.length) {
      return -1;
    }
    int[] s = new int[sizes.length];
    for (int j = 0; j < parts.length; j++) {
      s[j] = names.get(j).indexOf(parts[j].trim());
      if (s[j] < 0) {
        return -1;
      }
    }
    return encode(s);
  }

  /** The others' profile of {@code agent} named {@code "lo"} (names of the others in agent order), or -1. */
  public int othersOf(int agent, String name) {
    String[] parts = name.split(",", -1);
    if (parts.length != sizes.length - 1) {
      return -1;
    }
    int o = 0;
    int k = 0;
    for (int j = 0; j < sizes.length; j++) {
      if (j == agent) {
        continue;
      }
      int s = names.get(j).indexOf(parts[k++].trim());
      if (s < 0) {
        return -1;
      }
      o = o * sizes[j] + s;
    }
    return o;
  }

  /** True when both spaces have the same signals and values. */
  public boolean sameAs(SignalSpace other) {
    return names.equals(other.names) && values.equals(other.values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignalSpace s && sameAs(s);
  }

  @Override
  public int hashCode() {
    return Objects.hash(names, values);
  }
}
