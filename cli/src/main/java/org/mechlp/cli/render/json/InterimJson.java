package org.mechlp.cli.render.json;

import java.util.Map;

/** What one type of one agent gets in expectation under truthful reports. */
public record InterimJson(
    String agent,
    String type,
    String probability,
    Map<String, Double> allocation,
    Double expectedPayment,
    Double expectedUtility) {}
