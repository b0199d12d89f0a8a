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
   * One buyer and two items with additive values: type (a, b) on the grid {1..N}/N squared, uniform; outcomes none,
   * A, B, AB; DSIC and ex post IR, maximum revenue.
   */
  public static BenchInstance twoItems(int gridSize) {
    List<String> types = new ArrayList<>();
    List<String> prior = new ArrayList<>();
    String p = "\"1/" + (gridSize * gridSize) + "\"";
    for (int a = 1; a <= gridSize; a++) {
      for (int b = 1; b <= gridSize; b++) {
        types.add(
            "{\"name\": \"a" + a + "b" + b + "\", \"a\": \"" + a + "/" + gridSize + "\", \"b\": \""
                + b + "/" + gridSize + "\"}");
        prior.add(p);
      }
    }
    String name = "two-items-N" + gridSize;
    String json =
        "{\n  \"format\": \"mechlp/1\",\n  \"name\": \""
            + name
            + "\",\n  \"agents\": [\n    {\"name\": \"buyer\", \"types\": [\n      "
            + String.join(",\n      ", types)
            + "\n    ], \"prior\": ["
            + String.join(", ", prior)
            + "]}\n  ],\n  \"outcomes\": [\"none\", \"A\", \"B\", \"AB\"],\n"
            + "  \"valuations\": {\"buyer\": {\"expression\": {\"A\": \"a\", \"B\": \"b\", \"AB\": \"a + b\"}}},\n"
            + "  \"mechanism\": {\"ic\": \"dsic\", \"ir\": \"expost\"},\n"
            + "  \"objective\": \"revenue\"\n}\n";
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
        twoItems(20));
  }

  /** The smallest instance of each family, for a quick run (about a second) and for tests. */
  public static List<BenchInstance> quickSeries() {
    return List.of(auction(2, 10), auction(3, 10), twoItems(5));
  }
}
