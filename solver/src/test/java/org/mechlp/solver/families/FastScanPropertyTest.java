package org.mechlp.solver.families;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mechlp.model.Problem;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.testing.Toys;

/**
 * The fast IC scans ({@link ExPostIcFamily#scan}, {@link BicFamily#scan}) against the exact rows they stand for, on
 * random small problems ({@link Toys#random}) at random points: the independent reference is each streamed row's
 * own slack, {@code -row.slack(x)}, summed from its BigFraction coefficients.
 */
class FastScanPropertyTest {
  private static final double CLOSE = 1e-12;

  @Provide
  Arbitrary<Problem> problems() {
    return Arbitraries.randomValue(Toys::random);
  }

  @Property(tries = 300)
  void fastScansFindTheSameRowsAsTheRowStream(@ForAll("problems") Problem p, @ForAll long seed) {
    VariableIndex vars = new VariableIndex(p);
    double[] x = randomPoint(vars.columnCount(), new Random(seed));
    for (ConstraintFamily family : FamilyCatalog.forProblem(p, vars)) {
      for (double threshold : new double[] {0, -0.5, -1e9}) {
        Map<List<Integer>, Double> expected = new HashMap<>();
        for (Row row : family.rows()) {
          double shortfall = -row.slack(x);
          if (shortfall > threshold) {
            expected.put(key(row.key()), shortfall);
          }
        }
        Map<List<Integer>, Double> found = new HashMap<>();
        family.scan(x, threshold, (key, shortfall) -> found.put(key(key), shortfall));
        // Rows within rounding of the threshold may fall on either side; every other row must agree.
        expected.entrySet().removeIf(e -> e.getValue() - threshold <= CLOSE && !found.containsKey(e.getKey()));
        found.entrySet().removeIf(e -> e.getValue() - threshold <= CLOSE && !expected.containsKey(e.getKey()));
        assertThat(found.keySet()).as(family.id()).isEqualTo(expected.keySet());
        for (Map.Entry<List<Integer>, Double> e : expected.entrySet()) {
          assertThat(found.get(e.getKey())).as(family.id() + e.getKey()).isCloseTo(e.getValue(), within(CLOSE));
        }
      }
    }
  }

  @Property(tries = 200)
  void rowOfRebuildsTheStreamedRowAndMisreportKeysNameExistingRows(@ForAll("problems") Problem p) {
    VariableIndex vars = new VariableIndex(p);
    for (ConstraintFamily family : FamilyCatalog.forProblem(p, vars)) {
      Map<List<Integer>, Row> byKey = new HashMap<>();
      for (Row row : family.rows()) {
        byKey.put(key(row.key()), row);
        Row rebuilt = family.rowOf(row.key());
        assertThat(rebuilt.columns()).isEqualTo(row.columns());
        assertThat(rebuilt.coefficients()).isEqualTo(row.coefficients());
        assertThat(rebuilt.sense()).isEqualTo(row.sense());
        assertThat(rebuilt.rhs()).isEqualTo(row.rhs());
      }
      if (!family.isIncentiveConstraint()) {
        continue;
      }
      // Every IC row is "agent i of type t reports r" for exactly one (i, t, r): the keys must partition the rows.
      List<List<Integer>> emitted = new ArrayList<>();
      for (int i = 0; i < p.agentCount(); i++) {
        int k = p.profiles().typeCount(i);
        for (int t = 0; t < k; t++) {
          for (int r = 0; r < k; r++) {
            family.misreportKeys(i, t, r, key -> emitted.add(key(key)));
          }
        }
      }
      assertThat(emitted).doesNotHaveDuplicates();
      assertThat(emitted).containsExactlyInAnyOrderElementsOf(byKey.keySet());
    }
  }

  private static double[] randomPoint(int columns, Random random) {
    double[] x = new double[columns];
    for (int j = 0; j < columns; j++) {
      x[j] = random.nextDouble() * 4 - 2;
    }
    return x;
  }

  private static List<Integer> key(int[] key) {
    List<Integer> list = new ArrayList<>();
    for (int k : key) {
      list.add(k);
    }
    return list;
  }
}
