package org.mechlp.solver.calibrated;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Agent;
import org.mechlp.model.AgentType;
import org.mechlp.model.BudgetKind;
import org.mechlp.model.CalibrationSpec;
import org.mechlp.model.IcKind;
import org.mechlp.model.IrKind;
import org.mechlp.model.MechanismSpec;
import org.mechlp.model.Objective;
import org.mechlp.model.ObjectiveTerm;
import org.mechlp.model.Outcome;
import org.mechlp.model.Prior;
import org.mechlp.model.Problem;
import org.mechlp.model.State;
import org.mechlp.model.TransferSpec;
import org.mechlp.model.TypeProfiles;
import org.mechlp.model.ValueFunction;

/** The worked examples of docs/THEORY.md, Calibrated examples, built from the model records (one buyer, one good, two
 * states).
 */
final class CalibratedExamples {
  private CalibratedExamples() {}

  /**
   * One buyer and one good ("none" or "buyer"), two states; {@code values[type][state]} is the buyer's value of the
   * good; {@code joint[type][state]} the joint prior.
   */
  static Problem oneBuyer(String name, int[][] values, BigFraction[][] joint, CalibrationSpec calibration) {
    int types = values.length;
    int states = values[0].length;
    List<AgentType> typeList = new ArrayList<>();
    BigFraction[][][] table = new BigFraction[types][states][2];
    for (int t = 0; t < types; t++) {
      typeList.add(new AgentType("t" + t, Map.of()));
      for (int w = 0; w < states; w++) {
        table[t][w][0] = BigFraction.ZERO;
        table[t][w][1] = new BigFraction(values[t][w]);
      }
    }
    List<Agent> agents = List.of(new Agent("buyer", typeList));
    List<State> stateList = new ArrayList<>();
    for (int w = 0; w < states; w++) {
      stateList.add(new State("w" + w, Map.of()));
    }
    Map<Long, BigFraction> entries = new HashMap<>();
    for (int t = 0; t < types; t++) {
      for (int w = 0; w < states; w++) {
        if (joint[t][w].getNumerator().signum() != 0) {
          entries.put((long) t * states + w, joint[t][w]);
        }
      }
    }
    TypeProfiles profiles = TypeProfiles.of(agents);
    MechanismSpec spec =
        new MechanismSpec(
            IcKind.BIC,
            IrKind.INTERIM,
            List.of(Collections.nCopies(types, BigFraction.ZERO)),
            BudgetKind.NONE,
            BigFraction.ZERO,
            TransferSpec.free(1),
            null);
    return new Problem(
        name,
        "",
        agents,
        stateList,
        true,
        List.of(Outcome.of("none"), Outcome.of("buyer")),
        Prior.joint(profiles, states, entries),
        List.of(new ValueFunction(ValueFunction.Scope.OWN_TYPE, 0, table)),
        null,
        spec,
        Objective.maximize(ObjectiveTerm.REVENUE),
        calibration);
  }

  /** docs/THEORY.md, Calibrated examples, example A: private values, values {1, 2}, joint f(L,1)=1/3, f(L,2)=1/6,
   * f(H,1)=1/6, f(H,2)=1/3.
   */
  static Problem exampleA(CalibrationSpec calibration) {
    BigFraction third = new BigFraction(1, 3);
    BigFraction sixth = new BigFraction(1, 6);
    return oneBuyer(
        "example-a",
        new int[][] {{1, 1}, {2, 2}},
        new BigFraction[][] {{third, sixth}, {sixth, third}},
        calibration);
  }

  /**
   * docs/THEORY.md, Calibrated examples, example C: types t0, t1 with probability 1/2 each, independent of the state;
   * t0 values the good 3 in state 0 and 1 in state 1, t1 values it 1 and 2; the prior puts {@code mu} on state 1.
   */
  static Problem exampleC(BigFraction mu, CalibrationSpec calibration) {
    BigFraction half = new BigFraction(1, 2);
    BigFraction[] prior = {BigFraction.ONE.subtract(mu), mu};
    BigFraction[][] joint = new BigFraction[2][2];
    for (int t = 0; t < 2; t++) {
      for (int w = 0; w < 2; w++) {
        joint[t][w] = half.multiply(prior[w]);
      }
    }
    return oneBuyer("example-c", new int[][] {{3, 1}, {1, 2}}, joint, calibration);
  }

  /** A calibration with the given disclosure and the default grid. */
  static CalibrationSpec disclosure(CalibrationSpec.Disclosure disclosure) {
    return new CalibrationSpec(
        disclosure,
        List.of(),
        List.of(),
        CalibrationSpec.DEFAULT_GRID,
        CalibrationSpec.DEFAULT_MAX_DENOMINATOR,
        true,
        true,
        false);
  }
}
