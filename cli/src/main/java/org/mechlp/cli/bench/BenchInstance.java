package org.mechlp.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One generated benchmark problem, as mechlp/1 JSON text (so the benchmark also exercises the reader).
 *
 * @param name the instance name printed in the table
 * @param json the problem file's text
 */
public record BenchInstance(String name, String json) {
  public BenchInstance {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(json, "json");
  }

  /**
   * A single-item auction: {@code n} bidders with i.i.d. values j/k (j = 1..k), uniform, DSIC and ex post IR, maximum
   * revenue.
   */
  public static BenchInstance auction(int n, int k) {
    StringBuilder agents = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      List<String> types = new ArrayList<>();
      List<String> prior = new ArrayList<>();
      for (int j = 1; j <= k; j++) {
        types.add("{\"name\": \"v" + j + "\", \"value\": \"" + j + "/" + k + "\"}");
        prior.add("\"1/" + k + "\"");
      }
      agents
          .append(i > 1 ? ",\n" : "")
          .append("    {\"name\": \"bidder")
          .append(i)
          .append("\", \"types\": [")
          .append(String.join(", ", types))
          .append("], \"prior\": [")
          .append(String.join(", ", prior))
          .append("]}");
    }
    String name = "auction-n" + n + "-k" + k;
    String json =
        "{\n  \"format\": \"mechlp/1\",\n  \"name\": \""
            + name
            + "\",\n  \"agents\": [\n"
            + agents
            + "\n  ],\n  \"outcomes\": {\"shortcut\": \"single-item\"},\n"
            + "  \"mechanism\": {\"ic\": \"dsic\", \"ir\": \"expost\"},\n"
            + "  \"objective\": \"revenue\"\n}\n";
    return new BenchInstance(name, json);
  }

  /**
   * The auction of {@link #auction} under BIC and interim IR instead (for the reduced-form benchmark): n bidders with
   * i.i.d. uniform values j/k, maximum revenue.
   */
  public static BenchInstance auctionBic(int n, int k) {
    BenchInstance dsic = auction(n, k);
    String name = "auction-bic-n" + n + "-k" + k;
    String json =
        dsic.json()
            .replace("\"ic\": \"dsic\", \"ir\": \"expost\"", "\"ic\": \"bic\", \"ir\": \"interim\"")
            .replace("\"name\": \"" + dsic.name() + "\"", "\"name\": \"" + name + "\"");
    return new BenchInstance(name, json);
  }

  /**
   * One buyer and two items with additive values: type (a, b) on the grid {1..N}/N squared, uniform; outcomes none,
   * A, B, AB; DSIC and ex post IR, maximum revenue.
   */
  public static BenchInstance twoItems(int gridSize) {
    return twoItemInstance("two-items-N" + gridSize, gridSize, true, "\"ic\": \"dsic\", \"ir\": \"expost\"");
  }

  /**
   * The lazy-IC benchmark: one buyer and two additive items, type (a, b) on the grid {1..N} squared, uniform;
   * outcomes none, A, B, AB; BIC (the same as DSIC with one agent) and interim IR, maximum revenue. N^2 (N^2 - 1) IC
   * rows: 159,600 at N = 20, 99,990,000 at N = 100.
   */
  public static BenchInstance twoItemGrid(int gridSize) {
    return twoItemInstance(
        "two-item-grid-N" + gridSize, gridSize, false, "\"ic\": \"bic\", \"ir\": \"interim\"");
  }

  /** One buyer, two additive items, uniform on the N x N grid of values 1..N (divided by N when {@code scaled}). */
  private static BenchInstance twoItemInstance(String name, int gridSize, boolean scaled, String constraints) {
    List<String> types = new ArrayList<>();
    List<String> prior = new ArrayList<>();
    String p = "\"1/" + (gridSize * gridSize) + "\"";
    String divisor = scaled ? "/" + gridSize + "\"" : "";
    String quote = scaled ? "\"" : "";
    for (int a = 1; a <= gridSize; a++) {
      for (int b = 1; b <= gridSize; b++) {
        types.add(
            "{\"name\": \"a" + a + "b" + b + "\", \"a\": " + quote + a + divisor + ", \"b\": " + quote + b
                + divisor + "}");
        prior.add(p);
      }
    }
    String json =
        "{\n  \"format\": \"mechlp/1\",\n  \"name\": \""
            + name
            + "\",\n  \"agents\": [\n    {\"name\": \"buyer\", \"types\": [\n      "
            + String.join(",\n      ", types)
            + "\n    ], \"prior\": ["
            + String.join(", ", prior)
            + "]}\n  ],\n  \"outcomes\": [\"none\", \"A\", \"B\", \"AB\"],\n"
            + "  \"valuations\": {\"buyer\": {\"expression\": {\"A\": \"a\", \"B\": \"b\", \"AB\": \"a + b\"}}},\n"
            + "  \"mechanism\": {"
            + constraints
            + "},\n"
            + "  \"objective\": \"revenue\"\n}\n";
    return new BenchInstance(name, json);
  }

  /**
   * A calibrated problem (optimal disclosure): one buyer with {@code types} types k = 0.. and outcomes none/A/B, in
   * {@code states} states s = 0..; values A = (1 + k + 2s)/2 and B = (1 + (types - k) + 3(states - 1 - s))/2, so
   * the state matters (no private values, so the posterior grid is needed); a correlated joint prior with weights
   * 1 + (k + s) mod 3; BIC and interim IR under the posterior; revenue; posterior grid 1/{@code grid}.
   */
  public static BenchInstance calibrated(int states, int types, int grid) {
    String name = "calibrated-w" + states + "-k" + types + "-grid" + grid;
    List<String> typeList = new ArrayList<>();
    for (int k = 0; k < types; k++) {
      typeList.add("{\"name\": \"t" + k + "\", \"k\": " + k + "}");
    }
    List<String> stateList = new ArrayList<>();
    int total = 0;
    for (int s = 0; s < states; s++) {
      stateList.add("{\"name\": \"w" + s + "\", \"s\": " + s + "}");
      for (int k = 0; k < types; k++) {
        total += 1 + (k + s) % 3;
      }
    }
    List<String> prior = new ArrayList<>();
    for (int k = 0; k < types; k++) {
      for (int s = 0; s < states; s++) {
        prior.add(
            "{\"types\": {\"buyer\": \"t" + k + "\"}, \"state\": \"w" + s + "\", \"p\": \""
                + (1 + (k + s) % 3) + "/" + total + "\"}");
      }
    }
    String json =
        "{\n  \"format\": \"mechlp/1\",\n  \"name\": \"" + name + "\",\n"
            + "  \"agents\": [{\"name\": \"buyer\", \"types\": [" + String.join(", ", typeList) + "]}],\n"
            + "  \"states\": [" + String.join(", ", stateList) + "],\n"
            + "  \"prior\": [" + String.join(",\n    ", prior) + "],\n"
            + "  \"outcomes\": [\"none\", \"A\", \"B\"],\n"
            + "  \"valuations\": {\"buyer\": {\"expression\": {\"A\": \"(1 + k + 2 * state.s) / 2\", "
            + "\"B\": \"(1 + (" + types + " - k) + 3 * (" + (states - 1) + " - state.s)) / 2\"}}},\n"
            + "  \"mechanism\": {\"ic\": \"bic\", \"ir\": \"interim\"},\n"
            + "  \"objective\": \"revenue\",\n"
            + "  \"calibration\": {\"disclosure\": \"optimal\", \"grid\": " + grid + "}\n}\n";
    return new BenchInstance(name, json);
  }

  /** The full scale series (several minutes with GLOP: the largest have about half a million rows). */
  public static List<BenchInstance> series() {
    return List.of(
        auction(2, 10),
        auction(2, 20),
        auction(2, 40),
        auction(2, 60),
        auction(3, 10),
        auction(3, 15),
        auction(3, 20),
        twoItems(5),
        twoItems(10),
        twoItems(15),
        twoItems(20),
        calibrated(2, 5, 200),
        calibrated(3, 5, 30),
        calibrated(3, 5, 60));
  }

  /** The smallest instance of each family, for a quick run (about a second) and for tests. */
  public static List<BenchInstance> quickSeries() {
    return List.of(auction(2, 10), auction(3, 10), twoItems(5), calibrated(2, 5, 20));
  }
}
