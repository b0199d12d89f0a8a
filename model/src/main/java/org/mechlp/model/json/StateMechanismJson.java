package org.mechlp.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;
import org.mechlp.model.State;
import org.mechlp.model.StateMechanism;

/**
 * Reads a state-dependent mechanism for a problem with states (the input of the calibration checks): the mechanism
 * file format of {@link MechanismJson} with a {@code "state"} in every profile entry, each (state, type profile)
 * exactly once.
 *
 * <pre>
 * {"profiles": [
 *   {"state": "L", "types": {"buyer": "low"}, "allocation": {"buyer": 1}, "transfers": {"buyer": 1}}, ...]}
 * </pre>
 */
public final class StateMechanismJson {
  private StateMechanismJson() {}

  /** Reads a state-dependent mechanism file for {@code problem}. */
  public static StateMechanism read(Path file, Problem problem) throws IOException, InvalidInputException {
    return read(StrictJson.readText(file), file.toString(), problem);
  }

  /** Reads a state-dependent mechanism from JSON text; {@code sourceName} names it in messages. */
  public static StateMechanism read(String json, String sourceName, Problem problem)
      throws InvalidInputException {
    JsonNode root = JsonInput.parse(json, sourceName);
    Issues issues = new Issues(sourceName);
    JsonInput in = new JsonInput(issues);
    if (!problem.statesGiven()) {
      issues.add("", "a state-dependent mechanism needs a problem with declared states");
      issues.throwIfAny();
    }
    if (!in.expectObject(root, "")) {
      issues.throwIfAny();
    }
    in.checkFields(root, "", List.of("format", "name", "description", "profiles"));
    if (root.has("format")) {
      String format = in.text(root.get("format"), "format");
      if (format != null && !format.equals(MechanismJson.FORMAT)) {
        issues.add("format", "unsupported format " + JsonInput.quote(format) + "; supported: " + MechanismJson.FORMAT);
      }
    }
    if (!root.has("profiles")) {
      issues.add("profiles", "missing required field");
      issues.throwIfAny();
    }
    JsonNode node = root.get("profiles");
    if (!in.expectArray(node, "profiles")) {
      issues.throwIfAny();
    }
    int n = problem.agentCount();
    int w = problem.stateCount();
    int k = problem.profiles().count();
    int m = problem.outcomeCount();
    BigFraction[][] allocation = new BigFraction[w * k][];
    BigFraction[][] transfers = new BigFraction[w * k][];
    for (int e = 0; e < node.size(); e++) {
      String at = Issues.index("profiles", e);
      JsonNode entry = node.get(e);
      if (!in.expectObject(entry, at)) {
        continue;
      }
      in.checkFields(entry, at, List.of("state", "types", "allocation", "transfers"));
      int state = -1;
      if (entry.has("state")) {
        String name = in.text(entry.get("state"), Issues.field(at, "state"));
        state = stateIndex(problem.states(), name);
        if (name != null && state < 0) {
          issues.add(Issues.field(at, "state"), "unknown state " + JsonInput.quote(name));
        }
      } else {
        issues.add(Issues.field(at, "state"), "missing required field");
      }
      int[] types = null;
      if (entry.has("types")) {
        types = ProfileRef.read(entry.get("types"), Issues.field(at, "types"), problem.agents(), in, issues);
      } else {
        issues.add(Issues.field(at, "types"), "missing required field");
      }
      BigFraction[] lottery = null;
      if (entry.has("allocation")) {
        lottery = MechanismJson.readRow(entry.get("allocation"), Issues.field(at, "allocation"), m,
            problem::outcomeIndex, "outcome", MechanismJson.outcomeNames(problem), in, issues);
      } else {
        issues.add(Issues.field(at, "allocation"), "missing required field");
      }
      BigFraction[] paid = MechanismJson.zeros(n);
      if (entry.has("transfers")) {
        paid = MechanismJson.readRow(entry.get("transfers"), Issues.field(at, "transfers"), n,
            problem::agentIndex, "agent", ProfileRef.names(problem.agents()), in, issues);
      }
      if (state < 0 || types == null || lottery == null || paid == null) {
        continue;
      }
      int cell = state * k + problem.profiles().encode(types);
      if (allocation[cell] != null) {
        issues.add(at, "duplicate entry for state " + problem.states().get(state).name() + " and "
            + (n == 1 ? "type " + problem.agents().get(0).types().get(types[0]).name()
                : "profile " + ProfileRef.describe(problem.agents(), types)));
        continue;
      }
      allocation[cell] = lottery;
      transfers[cell] = paid;
    }
    List<String> missing = new ArrayList<>();
    for (int cell = 0; cell < w * k; cell++) {
      if (allocation[cell] == null) {
        int[] types = problem.profiles().decode(cell % k);
        missing.add(problem.states().get(cell / k).name() + "/" + (n == 1
            ? problem.agents().get(0).types().get(types[0]).name() : ProfileRef.describe(problem.agents(), types)));
      }
    }
    if (issues.count() == 0 && !missing.isEmpty()) {
      issues.add("profiles", "missing entries for state/type " + String.join(", ", missing));
    }
    issues.throwIfAny();
    BigFraction[] flatAllocation = new BigFraction[w * k * m];
    BigFraction[] flatTransfers = new BigFraction[w * k * n];
    for (int cell = 0; cell < w * k; cell++) {
      System.arraycopy(allocation[cell], 0, flatAllocation, cell * m, m);
      System.arraycopy(transfers[cell], 0, flatTransfers, cell * n, n);
    }
    return new StateMechanism(w, k, m, n, flatAllocation, flatTransfers);
  }

  private static int stateIndex(List<State> states, String name) {
    for (int i = 0; i < states.size(); i++) {
      if (states.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
