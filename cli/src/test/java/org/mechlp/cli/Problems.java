package org.mechlp.cli;

/** Small problem and mechanism files, as JSON text, for the command tests. */
final class Problems {
  private Problems() {}

  /**
   * One buyer, values 1 or 2 with probability 1/2 each, DSIC + ex post IR, maximum revenue. Hand derivation: a posted
   * price of 1 sells always (revenue 1), a price of 2 sells half the time (revenue 1), and by Myerson's discrete
   * virtual values (phi_low = 1 - (2 - 1) * (1/2) / (1/2) = 0, phi_high = 2) the optimum is E[max(phi, 0)] = 1.
   */
  static final String POSTED_PRICE =
      """
      {
        "format": "mechlp/1",
        "name": "posted-price",
        "agents": [
          {"name": "buyer", "types": [{"name": "low", "value": 1}, {"name": "high", "value": 2}],
           "prior": ["1/2", "1/2"]}
        ],
        "outcomes": {"shortcut": "single-item"},
        "mechanism": {"ic": "dsic", "ir": "expost"},
        "objective": "revenue"
      }
      """;

  /**
   * Two bidders with i.i.d. values uniform on {1, 2, 3}, DSIC + ex post IR, maximum revenue 2 (docs/THEORY.md,
   * Classical results: E[max(phi_1, phi_2, 0)] with phi = (-1, 1, 3)).
   */
  static final String MYERSON_TWO_BIDDERS =
      """
      {
        "format": "mechlp/1",
        "name": "myerson-two-bidders",
        "agents": [
          {"name": "bidder1", "types": [{"name": "v1", "value": 1}, {"name": "v2", "value": 2},
           {"name": "v3", "value": 3}], "prior": ["1/3", "1/3", "1/3"]},
          {"name": "bidder2", "types": [{"name": "v1", "value": 1}, {"name": "v2", "value": 2},
           {"name": "v3", "value": 3}], "prior": ["1/3", "1/3", "1/3"]}
        ],
        "outcomes": {"shortcut": "single-item"},
        "mechanism": {"ic": "dsic", "ir": "expost"},
        "objective": "revenue"
      }
      """;

  /**
   * Infeasible: without transfers the agent's utility is its value, 0 for both outcomes, below the outside option 1
   * that ex post IR guarantees.
   */
  static final String INFEASIBLE =
      """
      {
        "format": "mechlp/1",
        "name": "no-way",
        "agents": [{"name": "a", "types": ["only"], "prior": [1]}],
        "outcomes": ["x", "y"],
        "valuations": {"a": {"table": {"only": {"x": 0, "y": 0}}}},
        "mechanism": {"ir": {"kind": "expost", "outsideOption": 1}, "transfers": false},
        "objective": "welfare"
      }
      """;

  /** Invalid: the second agent's prior sums to 9/10. */
  static final String BAD_PRIOR =
      """
      {
        "format": "mechlp/1",
        "agents": [
          {"name": "a", "types": [{"name": "lo", "value": 1}, {"name": "hi", "value": 2}], "prior": ["1/2", "1/2"]},
          {"name": "b", "types": [{"name": "lo", "value": 1}, {"name": "hi", "value": 2}], "prior": ["1/2", "2/5"]}
        ],
        "outcomes": {"shortcut": "single-item"}
      }
      """;

  /** For {@link #POSTED_PRICE}: a posted price of 1, exactly; satisfies every constraint. */
  static final String PRICE_ONE =
      """
      {
        "profiles": [
          {"types": {"buyer": "low"}, "allocation": {"buyer": 1}, "transfers": {"buyer": 1}},
          {"types": {"buyer": "high"}, "allocation": {"buyer": 1}, "transfers": {"buyer": 1}}
        ]
      }
      """;

  /**
   * For {@link #POSTED_PRICE}: always sell, charge each type its value. The high type gains 2 - 1 - (2 - 2) = 1 by
   * reporting low: one violated IC row with gain exactly 1.
   */
  static final String CHARGE_VALUE =
      """
      {
        "profiles": [
          {"types": {"buyer": "low"}, "allocation": {"buyer": 1}, "transfers": {"buyer": 1}},
          {"types": {"buyer": "high"}, "allocation": {"buyer": 1}, "transfers": {"buyer": "2"}}
        ]
      }
      """;

  /**
   * docs/THEORY.md, Calibrated examples, example C at prior 1/2 (instances/calibrated-example-c.json): states 0 and 1
   * with prior 1/2 each; one buyer with types t0, t1 of probability 1/2 each, independent of the state; t0 values the
   * good 3 in state 0 and 1 in state 1, t1 values it 1 and 2; BIC, interim IR, maximum revenue, optimal disclosure. At
   * posterior mu = P(state 1), V(mu) = max(min(3 - 2mu, 1 + mu), (1/2) max(3 - 2mu, 1 + mu)); the optimum 1.625 splits
   * 1/2 into the posteriors 0 and 2/3 with weights 1/4 and 3/4 ((1/4) V(0) + (3/4) V(2/3) = 3/8 + 5/4); full
   * transparency (V(0) + V(1)) / 2 = 1.25; no disclosure V(1/2) = 1.5; the standard BIC bound is 1.625 too.
   */
  static final String CALIBRATED_EXAMPLE_C =
      calibratedExampleC("\"optimal\"", "{\"ic\": \"bic\", \"ir\": \"interim\"}");

  /**
   * Example C with the given {@code disclosure} and {@code mechanism} (the JSON text of those fields' values), so
   * the tests can fix the signal or change the constraints.
   */
  static String calibratedExampleC(String disclosure, String mechanism) {
    return """
        {
          "format": "mechlp/1",
          "name": "calibrated-example-c",
          "agents": [
            {"name": "buyer", "types": [{"name": "t0", "base": 3, "slope": -2}, {"name": "t1", "base": 1, "slope": 1}],
             "prior": {"t0": "1/2", "t1": "1/2"}}
          ],
          "states": [{"name": "0", "p": "1/2", "s": 0}, {"name": "1", "p": "1/2", "s": 1}],
          "outcomes": {"shortcut": "single-item"},
          "valuations": {"buyer": {"expression": {"buyer": "base + slope * state.s"}}},
          "mechanism": %s,
          "objective": "revenue",
          "calibration": {"disclosure": %s}
        }
        """
        .formatted(mechanism, disclosure);
  }
}
