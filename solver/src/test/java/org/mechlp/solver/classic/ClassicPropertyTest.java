package org.mechlp.solver.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.MechanismChecker;
import org.mechlp.solver.exact.ExactSolver;
import org.mechlp.solver.options.CheckOptions;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.CheckReport;

/**
 * Properties of the built-ins on random small problems, each from the theory the built-in rests on
 * (docs/THEORY.md, Built-in mechanisms): Myerson's constructor reaches the LP optimum on independent single-item
 * problems, and every built-in that applies passes, exactly, the constraints its theory promises. jqwik prints the
 * seed of a failing case.
 */
class ClassicPropertyTest {
  /** The random data of a problem: per agent, per type, per outcome an integer value, and prior weights. */
  record Data(String structure, int[][][] values, int[][] weights, int[] costs) {
    @Override
    public String toString() {
      return structure + ": values " + Arrays.deepToString(values) + ", prior weights " + Arrays.deepToString(weights)
          + ", costs " + Arrays.toString(costs);
    }

    int agents() {
      return values.length;
    }

    /** The problem file with this mechanism block and objective. */
    Problem problem(String mechanism, String objective) throws Exception {
      StringBuilder json = new StringBuilder("{\"format\": \"mechlp/1\", \"name\": \"random\", \"agents\": [");
      for (int i = 0; i < agents(); i++) {
        json.append(i == 0 ? "" : ", ").append("{\"name\": \"a").append(i).append("\", \"types\": [");
        for (int t = 0; t < values[i].length; t++) {
          json.append(t == 0 ? "" : ", ").append("{\"name\": \"t").append(t).append("\", \"value\": ")
              .append(values[i][t][0]).append('}');
        }
        int total = Arrays.stream(weights[i]).sum();
        json.append("], \"prior\": [");
        for (int t = 0; t < weights[i].length; t++) {
          json.append(t == 0 ? "" : ", ").append('"').append(weights[i][t]).append('/').append(total).append('"');
        }
        json.append("]}");
      }
      json.append("], ");
      switch (structure) {
        case "single-item" -> json.append("\"outcomes\": {\"shortcut\": \"single-item\"}, ");
        case "trade" -> json.append("\"outcomes\": {\"shortcut\": \"bilateral-trade\", \"seller\": \"a0\", \"buyer\":"
            + " \"a1\"}, ");
        case "two-units" -> json.append(twoUnits());
        default -> json.append(table());
      }
      json.append("\"mechanism\": ").append(mechanism).append(", \"objective\": ").append(objective).append('}');
      return ProblemReader.read(json.toString(), "random");
    }

    /** Three agents, two identical units, unit demand: an outcome per set of at most two winners. */
    private String twoUnits() {
      List<String> names = List.of("none", "w0", "w1", "w2", "w01", "w02", "w12");
      StringBuilder sb = new StringBuilder("\"outcomes\": [");
      for (int o = 0; o < names.size(); o++) {
        sb.append(o == 0 ? "" : ", ").append('"').append(names.get(o)).append('"');
      }
      sb.append("], \"valuations\": {");
      for (int i = 0; i < 3; i++) {
        sb.append(i == 0 ? "" : ", ").append("\"a").append(i).append("\": {\"expression\": {");
        boolean first = true;
        for (String o : names) {
          if (o.contains(String.valueOf(i))) {
            sb.append(first ? "" : ", ").append('"').append(o).append("\": \"value\"");
            first = false;
          }
        }
        sb.append("}}");
      }
      return sb.append("}, ").toString();
    }

    /** Outcomes o0, o1, ... with the given costs; each agent's value table by type. */
    private String table() {
      int m = values[0][0].length;
      StringBuilder sb = new StringBuilder("\"outcomes\": [");
      for (int o = 0; o < m; o++) {
        sb.append(o == 0 ? "" : ", ").append("{\"name\": \"o").append(o).append("\", \"cost\": ").append(costs[o])
            .append('}');
      }
      sb.append("], \"valuations\": {");
      for (int i = 0; i < agents(); i++) {
        sb.append(i == 0 ? "" : ", ").append("\"a").append(i).append("\": {\"table\": {");
        for (int t = 0; t < values[i].length; t++) {
          sb.append(t == 0 ? "" : ", ").append("\"t").append(t).append("\": {");
          for (int o = 0; o < m; o++) {
            sb.append(o == 0 ? "" : ", ").append("\"o").append(o).append("\": ").append(values[i][t][o]);
          }
          sb.append('}');
        }
        sb.append("}}");
      }
      return sb.append("}, ").toString();
    }
  }

  private static Arbitrary<Data> data(String structure, int minAgents, int maxAgents, int maxTypes, int outcomes,
      int lowest) {
    // Values lowest..6 (outcomes = 1: the type's "value" attribute), prior weights 0..3 with a positive sum.
    return Combinators.combine(
            Arbitraries.integers().between(minAgents, maxAgents), Arbitraries.integers().between(1, maxTypes))
        .flatAs((n, k) -> {
          Arbitrary<int[]> row = Arbitraries.integers().between(lowest, 6).array(int[].class).ofSize(outcomes);
          Arbitrary<int[][][]> values = row.array(int[][].class).ofSize(k).array(int[][][].class).ofSize(n);
          Arbitrary<int[]> weightRow = Arbitraries.integers().between(0, 3).array(int[].class).ofSize(k)
              .filter(w -> Arrays.stream(w).sum() > 0);
          Arbitrary<int[][]> weights = weightRow.array(int[][].class).ofSize(n);
          Arbitrary<int[]> costs = Arbitraries.integers().between(0, 2).array(int[].class).ofSize(outcomes);
          return Combinators.combine(values, weights, costs).as((v, w, c) -> new Data(structure, v, w, c));
        });
  }

  @Provide
  Arbitrary<Data> singleItems() {
    return data("single-item", 1, 3, 3, 1, 0).filter(d -> d.agents() < 3 || d.values()[0].length <= 2);
  }

  @Provide
  Arbitrary<Data> anyStructure() {
    return Arbitraries.oneOf(
        data("table", 1, 3, 3, 3, -3),
        data("table", 2, 2, 2, 4, -3),
        data("single-item", 1, 3, 2, 1, 0),
        // Values at least 1: an agent that values everything at 0 has no unit to read from its values.
        data("two-units", 3, 3, 2, 1, 1),
        data("trade", 2, 2, 3, 1, 0));
  }

  private static CheckReport check(Problem problem, Mechanism mechanism) {
    return MechanismChecker.check(problem, mechanism, new CheckOptions(0, 20));
  }

  /**
   * Myerson (1981): with independent private values the ironed-virtual-value auction maximizes revenue over every
   * DSIC and ex post IR mechanism (and over BIC and interim IR ones). The LP optimum, certified exactly, must equal
   * the constructor's revenue, computed exactly.
   */
  @Property(tries = 40)
  void myersonEqualsTheLpOptimum(@ForAll("singleItems") Data data, @ForAll boolean bayesian) throws Exception {
    String constraints = bayesian ? "{\"ic\": \"bic\", \"ir\": \"interim\"}" : "{\"ic\": \"dsic\", \"ir\": \"expost\"}";
    Problem problem = data.problem(constraints, "\"revenue\"");
    BuiltMechanism myerson = ClassicMechanisms.build("myerson", problem, ClassicOptions.defaults());
    CheckReport report = check(problem, myerson.mechanism());
    ExactSolver.ExactSolveReport lp = ExactSolver.solve(problem, SolveOptions.defaults());

    assertThat(report.passed()).as("%s", report.verification().violations()).isTrue();
    if (lp.certification().certified()) {
      assertThat(report.exactObjective()).isEqualTo(lp.certification().objective());
    } else {
      // Not certified (never seen on these sizes): compare with the verified floating-point optimum.
      assertThat(report.exactObjective().doubleValue()).isCloseTo(lp.report().objective(), within(1e-7));
    }
  }

  @Provide
  Arbitrary<Data> twoUnits() {
    return data("two-units", 3, 3, 2, 1, 1);
  }

  /**
   * Myerson's construction for k identical units with unit demand (the k highest non-negative ironed virtual values
   * win) reaches the certified LP optimum too: three bidders, two units.
   */
  @Property(tries = 15)
  void myersonEqualsTheLpOptimumForTwoUnits(@ForAll("twoUnits") Data data) throws Exception {
    Problem problem = data.problem("{\"ic\": \"dsic\", \"ir\": \"expost\"}", "\"revenue\"");
    CheckReport report =
        check(problem, ClassicMechanisms.build("myerson", problem, ClassicOptions.defaults()).mechanism());
    ExactSolver.ExactSolveReport lp = ExactSolver.solve(problem, SolveOptions.defaults());

    assertThat(report.passed()).as("%s", report.verification().violations()).isTrue();
    assertThat(lp.certification().certified()).as(lp.certification().reason()).isTrue();
    assertThat(report.exactObjective()).isEqualTo(lp.certification().objective());
  }

  /**
   * What each built-in's theory promises, checked exactly on the same problem with those constraints: Groves and
   * VCG are DSIC (Groves 1973; VCG is also ex post IR and runs no deficit when values are non-negative and outcomes
   * free); AGV is BIC with ex post strong budget balance under independent types (d'Aspremont and Gérard-Varet 1979);
   * the second-price, posted-price and Myerson auctions are DSIC and ex post IR (posted prices in trade also balance
   * the budget); serial dictatorship and random priority are DSIC without money.
   */
  @Property(tries = 60)
  void everyBuiltinThatAppliesKeepsItsPromises(@ForAll("anyStructure") Data data) throws Exception {
    Problem base = data.problem("{\"ic\": \"none\", \"ir\": \"none\"}", "\"revenue\"");
    boolean freeAndNonNegative = data.structure().equals("table")
        ? Arrays.stream(data.costs()).allMatch(c -> c == 0)
            && Arrays.stream(data.values()).flatMap(Arrays::stream).flatMapToInt(Arrays::stream).allMatch(v -> v >= 0)
        : !data.structure().equals("trade");
    List<String> applied = new ArrayList<>();
    for (ClassicMechanism m : ClassicMechanisms.all()) {
      if (m.applicability(base).isPresent()) {
        continue;
      }
      applied.add(m.name());
      Mechanism mechanism = m.build(base, ClassicOptions.defaults()).mechanism();
      for (String promise : promises(m.name(), data.structure(), freeAndNonNegative)) {
        CheckReport report = check(data.problem(promise, "\"revenue\""), mechanism);
        assertThat(report.passed()).as("%s under %s: %s", m.name(), promise, report.verification().violations())
            .isTrue();
      }
    }
    // The generator's structures are meant for these built-ins: none may be skipped silently.
    assertThat(applied).contains("vcg", "groves", "serial-dictatorship");
    if (data.agents() > 1) {
      assertThat(applied).contains("agv");
    }
    if (!data.structure().equals("table")) {
      assertThat(applied).as("%s: %s", data, ClassicMechanisms.named("posted-price").orElseThrow().applicability(base))
          .contains("posted-price", "random-priority");
    }
    if (data.structure().equals("single-item") || data.structure().equals("two-units")) {
      assertThat(applied).contains("second-price", "myerson");
    }
  }

  private static List<String> promises(String name, String structure, boolean freeAndNonNegative) {
    String dsic = "{\"ic\": \"dsic\", \"ir\": \"none\"}";
    String dsicIr = "{\"ic\": \"dsic\", \"ir\": \"expost\"}";
    return switch (name) {
      case "vcg" -> freeAndNonNegative
          ? List.of(dsic, "{\"ic\": \"dsic\", \"ir\": \"expost\", \"budget\": \"expost-weak\"}")
          : List.of(dsic);
      case "agv" -> List.of("{\"ic\": \"bic\", \"ir\": \"none\", \"budget\": \"expost-strong\"}");
      case "second-price", "myerson" -> List.of(dsicIr);
      case "posted-price" -> structure.equals("trade")
          ? List.of("{\"ic\": \"dsic\", \"ir\": \"expost\", \"budget\": \"expost-strong\"}")
          : List.of(dsicIr);
      default -> List.of(dsic);
    };
  }
}
