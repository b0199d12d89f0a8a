package org.mechlp.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;

/**
 * Builds a problem in code, field by field of the {@code mechlp/1} format (docs/FORMAT.md), and validates it like a
 * file when {@link #build()} is called, so that a mistake is reported with its JSON path.
 *
 * <pre>{@code
 * Problem postedPrice = Mechlp.problem("posted-price")
 *     .agent("buyer", List.of("low", "high"), List.of(1, 2), List.of("1/2", "1/2"))
 *     .singleItem()
 *     .mechanism("dsic", "expost")
 *     .objective("revenue")
 *     .build();
 * }</pre>
 *
 * <p>Anything the short methods do not cover (states, value tables, budgets, calibration) is set with {@link
 * #set(String, String)} and the field's JSON text.
 */
public final class ProblemBuilder {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ObjectNode root = MAPPER.createObjectNode();
  private final ArrayNode agents;

  ProblemBuilder(String name) {
    root.put("format", "mechlp/1");
    root.put("name", name);
    agents = root.putArray("agents");
  }

  /**
   * Adds an agent whose types each have a single value (for outcome shortcuts such as {@link #singleItem()}).
   *
   * @param name the agent's name
   * @param types the types' names, in order
   * @param values each type's value: a number, or a string such as {@code "1/3"}
   * @param prior each type's probability: a number, or a string such as {@code "1/3"}; the sum must be exactly 1
   */
  public ProblemBuilder agent(String name, List<String> types, List<?> values, List<?> prior) {
    ObjectNode agent = agents.addObject();
    agent.put("name", name);
    ArrayNode typeArray = agent.putArray("types");
    for (int t = 0; t < types.size(); t++) {
      ObjectNode type = typeArray.addObject();
      type.put("name", types.get(t));
      if (t < values.size()) {
        type.set("value", number(values.get(t)));
      }
    }
    ArrayNode priorArray = agent.putArray("prior");
    prior.forEach(p -> priorArray.add(number(p)));
    return this;
  }

  /** One good that goes to one agent or to nobody (outcomes {@code none} and one per agent). */
  public ProblemBuilder singleItem() {
    root.putObject("outcomes").put("shortcut", "single-item");
    return this;
  }

  /** The incentive and participation constraints, for example {@code "dsic", "expost"} or {@code "bic", "interim"}. */
  public ProblemBuilder mechanism(String ic, String ir) {
    ObjectNode mechanism = root.has("mechanism") ? (ObjectNode) root.get("mechanism") : root.putObject("mechanism");
    mechanism.put("ic", ic);
    mechanism.put("ir", ir);
    return this;
  }

  /** The objective by name, for example {@code "revenue"}, {@code "welfare"} or {@code "feasibility"}. */
  public ProblemBuilder objective(String objective) {
    root.put("objective", objective);
    return this;
  }

  /**
   * Sets a top-level field to a JSON value given as text, for example {@code set("states", "[{\"name\": \"s\"}]")}.
   *
   * @throws IllegalArgumentException when {@code json} is not JSON
   */
  public ProblemBuilder set(String field, String json) {
    try {
      root.set(field, MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(field + ": not JSON: " + e.getOriginalMessage(), e);
    }
    return this;
  }

  /** The problem's JSON text as built so far. */
  public String json() {
    return root.toPrettyString();
  }

  /**
   * Validates and returns the problem.
   *
   * @throws InvalidInputException with the JSON path and what is wrong for each issue
   */
  public Problem build() throws InvalidInputException {
    return ProblemReader.read(json(), root.path("name").asText("problem"));
  }

  private static JsonNode number(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return MAPPER.getNodeFactory().numberNode(((Number) value).longValue());
    }
    if (value instanceof BigDecimal d) {
      return MAPPER.getNodeFactory().numberNode(d);
    }
    if (value instanceof Number n) {
      // A double's decimal text (0.1 is read as 1/10, the number the user wrote).
      return MAPPER.getNodeFactory().numberNode(new BigDecimal(Double.toString(n.doubleValue())));
    }
    return MAPPER.getNodeFactory().textNode(String.valueOf(value));
  }
}
