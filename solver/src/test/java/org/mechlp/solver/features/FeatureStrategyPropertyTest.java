package org.mechlp.solver.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.options.SolveOptions.Strategy;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;

/**
 * The feature strategy against the plain full LP on random one-buyer problems with additive values: 1 to 3 items,
 * 2 to 6 types with random item values and values of the empty bundle, random priors, the outcomes listed in a
 * random order under neutral names (so the detection cannot lean on names or order), DSIC or BIC, ex post IR or
 * none, revenue, welfare or a mix. Both must give the same status and, when optimal, the same objective; the feature
 * answer is verified against every row of the full problem (its report's verification).
 */
class FeatureStrategyPropertyTest {
  /** One random problem. */
  record Data(int items, int[][] values, int[] base, int[] weights, int[] order, int ic, int ir, int objective) {
    @Override
    public String toString() {
      return toJson();
    }

    String toJson() {
      int outcomes = 1 << items;
      StringBuilder types = new StringBuilder();
      StringBuilder table = new StringBuilder();
      for (int t = 0; t < values.length; t++) {
        types.append(t == 0 ? "" : ", ").append("{\"name\": \"t").append(t).append("\"}");
        table.append(t == 0 ? "" : ", ").append("\"t").append(t).append("\": {");
        for (int o = 0; o < outcomes; o++) {
          // Outcome o is listed at position order[o] and holds the bundle with bit mask o.
          int value = base[t];
          for (int k = 0; k < items; k++) {
            if ((o & (1 << k)) != 0) {
              value += values[t][k];
            }
          }
          table.append(o == 0 ? "" : ", ").append("\"o").append(order[o]).append("\": \"").append(value)
              .append("/2\"");
        }
        table.append("}");
      }
      String[] names = new String[outcomes];
      for (int o = 0; o < outcomes; o++) {
        names[order[o]] = "\"o" + order[o] + "\"";
      }
      StringBuilder prior = new StringBuilder();
      int total = 0;
      for (int w : weights) {
        total += w;
      }
      for (int t = 0; t < weights.length; t++) {
        prior.append(t == 0 ? "" : ", ").append("\"").append(weights[t]).append("/").append(total).append("\"");
      }
      String objectiveJson =
          switch (objective) {
            case 0 -> "\"revenue\"";
            case 1 -> "\"welfare\"";
            default -> "{\"maximize\": {\"revenue\": 1, \"welfare\": \"1/2\"}}";
          };
      return "{\"format\": \"mechlp/1\", \"name\": \"random-additive\", \"agents\": [{\"name\": \"buyer\","
          + " \"types\": [" + types + "], \"prior\": [" + prior + "]}],"
          + " \"outcomes\": [" + String.join(", ", names) + "],"
          + " \"valuations\": {\"buyer\": {\"table\": {" + table + "}}},"
          + " \"mechanism\": {\"ic\": \"" + (ic == 0 ? "dsic" : "bic") + "\", \"ir\": \""
          + (ir == 0 ? "expost" : "none") + "\"}, \"objective\": " + objectiveJson + "}";
    }
  }

  @Provide
  Arbitrary<Data> problems() {
    return Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.integers().between(2, 6))
        .flatAs(
            (m, k) -> {
              Arbitrary<int[][]> values =
                  Arbitraries.integers().between(0, 6).array(int[].class).ofSize(m).array(int[][].class).ofSize(k);
              Arbitrary<int[]> base = Arbitraries.integers().between(-1, 2).array(int[].class).ofSize(k);
              Arbitrary<int[]> weights = Arbitraries.integers().between(1, 4).array(int[].class).ofSize(k);
              Arbitrary<List<Integer>> order = Arbitraries.shuffle(range(1 << m));
              Arbitrary<Integer> ic = Arbitraries.integers().between(0, 1);
              Arbitrary<Integer> ir = Arbitraries.integers().between(0, 1);
              Arbitrary<Integer> objective = Arbitraries.integers().between(0, 2);
              return Combinators.combine(values, base, weights, order, ic, ir, objective)
                  .as(
                      (v, b, w, o, c, r, obj) ->
                          new Data(m, v, b, w, o.stream().mapToInt(Integer::intValue).toArray(), c, r, obj));
            });
  }

  private static List<Integer> range(int n) {
    List<Integer> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(i);
    }
    return list;
  }

  @Property(tries = 60)
  void theFeatureFormSolvesLikeTheFullLp(@ForAll("problems") Data data) throws InvalidInputException {
    Problem problem = ProblemReader.read(data.toJson(), "random-additive");
    SolveReport full = MechanismSolver.solve(problem, SolveOptions.defaults().withStrategy(Strategy.FULL));
    SolveReport features = MechanismSolver.solve(problem, SolveOptions.defaults().withStrategy(Strategy.FEATURES));
    assertThat(features.status()).isEqualTo(full.status());
    if (full.status() == SolveStatus.OPTIMAL) {
      assertThat(features.strategy().strategy()).isEqualTo("features");
      assertThat(features.objective()).isCloseTo(full.objective(), within(1e-7 * Math.max(1, Math.abs(full.objective()))));
      assertThat(features.verification().rowsChecked()).isEqualTo(full.verification().rowsChecked());
      assertThat(features.verification().maxViolation()).isLessThanOrEqualTo(1e-9);
    }
  }
}
