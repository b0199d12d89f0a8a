package org.mechlp.solver.testing;

import java.util.ArrayList;
import java.util.List;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;

/**
 * One buyer with additive values for two items on an N x N grid: type (a, b) with a, b in 1..N, uniform prior,
 * outcomes none, A, B, AB valued 0, a, b, a + b; maximum revenue. Built as mechlp/1 JSON, like the bench instance.
 */
public final class Grids {
  private Grids() {}

  /** The grid problem with the given IC and IR kinds ({@code "bic"}, {@code "dsic"}; {@code "interim"}, ...). */
  public static Problem twoItems(int n, String ic, String ir) {
    List<String> types = new ArrayList<>();
    List<String> prior = new ArrayList<>();
    for (int a = 1; a <= n; a++) {
      for (int b = 1; b <= n; b++) {
        types.add("{\"name\": \"a" + a + "b" + b + "\", \"a\": " + a + ", \"b\": " + b + "}");
        prior.add("\"1/" + (n * n) + "\"");
      }
    }
    String json =
        "{\"format\": \"mechlp/1\", \"name\": \"two-items-grid-" + n + "\", \"agents\": [{\"name\": \"buyer\","
            + " \"types\": [" + String.join(", ", types) + "], \"prior\": [" + String.join(", ", prior) + "]}],"
            + " \"outcomes\": [\"none\", \"A\", \"B\", \"AB\"],"
            + " \"valuations\": {\"buyer\": {\"expression\": {\"A\": \"a\", \"B\": \"b\", \"AB\": \"a + b\"}}},"
            + " \"mechanism\": {\"ic\": \"" + ic + "\", \"ir\": \"" + ir + "\"}, \"objective\": \"revenue\"}";
    try {
      return ProblemReader.read(json, "two-items-grid-" + n);
    } catch (InvalidInputException e) {
      throw new IllegalStateException(e);
    }
  }
}
