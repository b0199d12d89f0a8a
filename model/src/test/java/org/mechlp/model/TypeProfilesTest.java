package org.mechlp.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link TypeProfiles#profilesWith} against its definition: the increasing profiles whose agent has the type. */
class TypeProfilesTest {
  @Test
  void profilesWithListsExactlyTheProfilesWhereTheAgentHasTheType() {
    for (int[] counts : new int[][] {{1}, {5}, {2, 3}, {3, 1, 4}, {2, 2, 2, 3}}) {
      TypeProfiles profiles = new TypeProfiles(counts);
      for (int agent = 0; agent < counts.length; agent++) {
        for (int type = 0; type < counts[agent]; type++) {
          int a = agent;
          int t = type;
          int[] byDefinition =
              IntStream.range(0, profiles.count()).filter(p -> profiles.typeOf(p, a) == t).toArray();
          assertThat(profiles.profilesWith(agent, type)).containsExactly(byDefinition);
        }
      }
    }
  }

  @Test
  void profilesWithOfAMiddleAgentInterleavesBlocks() {
    // Agents with 2, 3, 2 types: profile = 6 a + 2 b + c. Agent 1 of type 2: b = 2, so 4, 5 (a = 0) and 10, 11.
    TypeProfiles profiles = new TypeProfiles(new int[] {2, 3, 2});
    assertThat(profiles.profilesWith(1, 2)).containsExactly(4, 5, 10, 11);
  }
}
