package org.mechlp.model.json;

import java.util.List;
import org.mechlp.model.Agent;
import org.mechlp.model.TypeProfiles;

/** Reports the profiles a per-profile table leaves out, naming the first few. */
final class MissingProfiles {
  /** At most this many missing profiles are named one by one. */
  static final int NAMED = 10;

  private MissingProfiles() {}

  /** One issue per missing profile (entry null), up to {@link #NAMED}, then one issue counting the rest. */
  static void report(Object[] byProfile, TypeProfiles profiles, List<Agent> agents, String path, Issues issues) {
    int missing = 0;
    for (int p = 0; p < byProfile.length; p++) {
      if (byProfile[p] == null) {
        missing++;
        if (missing <= NAMED) {
          issues.add(path, "missing profile " + ProfileRef.describe(agents, profiles.decode(p)),
              "every type profile must appear exactly once");
        }
      }
    }
    if (missing > NAMED) {
      issues.add(path, "and " + (missing - NAMED) + " more missing profiles");
    }
  }
}
