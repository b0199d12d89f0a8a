package org.mechlp.solver.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

class AdditiveStructureTest {
  private static BigFraction[][] table(int[][] values) {
    BigFraction[][] out = new BigFraction[values.length][];
    for (int t = 0; t < values.length; t++) {
      out[t] = new BigFraction[values[t].length];
      for (int o = 0; o < values[t].length; o++) {
        out[t][o] = new BigFraction(values[t][o]);
      }
    }
    return out;
  }

  @Test
  void findsTheItemsWhateverTheOrderOfTheOutcomes() {
    // Outcomes listed as AB, none, B, A; two types with item values (2, 5) and (3, 1), empty bundle worth 1 and 0.
    int[][] values = {{8, 1, 6, 3}, {4, 0, 1, 3}};
    AdditiveStructure s = AdditiveStructure.detect(table(values)).orElseThrow();
    assertThat(s.items()).isEqualTo(2);
    // Any labelling that makes the values additive will do (AB as the "empty" bundle with negative items is one):
    // the masks are a bijection onto 0..3 and every value is the base plus the items', by the labelling found.
    assertThat(s.masks()).containsExactlyInAnyOrder(0, 1, 2, 3);
    for (int t = 0; t < 2; t++) {
      for (int o = 0; o < 4; o++) {
        BigFraction sum = s.base()[t];
        for (int k = 0; k < 2; k++) {
          if ((s.masks()[o] & (1 << k)) != 0) {
            sum = sum.add(s.weights()[t][k]);
          }
        }
        assertThat(sum).isEqualTo(new BigFraction(values[t][o]));
      }
    }
  }

  @Test
  void acceptsItemsEveryTypeValuesAlike() {
    // Both items worth the same to every type: the columns of A and B are equal, either labelling is additive.
    int[][] values = {{0, 2, 2, 4}, {0, 1, 1, 2}};
    assertThat(AdditiveStructure.detect(table(values))).isPresent();
  }

  @Test
  void refusesComplements() {
    // The bundle is worth more than its items: v(AB) = v(A) + v(B) + 1 for the first type.
    int[][] values = {{0, 2, 3, 6}, {0, 1, 1, 2}};
    assertThat(AdditiveStructure.detect(table(values))).isEmpty();
  }

  @Test
  void refusesOutcomeCountsThatAreNoCube() {
    int[][] values = {{0, 1, 2}, {0, 2, 1}};
    assertThat(AdditiveStructure.detect(table(values))).isEmpty();
  }

  @Test
  void findsThreeItems() {
    // Outcomes in mask order with mask 5 and 6 swapped; item values (1, 2, 4) and (3, 1, 1).
    int[] order = {0, 1, 2, 3, 4, 6, 5, 7};
    int[][] w = {{1, 2, 4}, {3, 1, 1}};
    int[][] values = new int[2][8];
    for (int t = 0; t < 2; t++) {
      for (int o = 0; o < 8; o++) {
        int mask = order[o];
        for (int k = 0; k < 3; k++) {
          values[t][o] += (mask & (1 << k)) != 0 ? w[t][k] : 0;
        }
      }
    }
    AdditiveStructure s = AdditiveStructure.detect(table(values)).orElseThrow();
    assertThat(s.items()).isEqualTo(3);
  }
}
