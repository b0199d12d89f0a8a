package org.mechlp.solver.classic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;

/**
 * The expected-externality mechanism (d'Aspremont and Gérard-Varet 1979, Arrow 1979): the efficient outcome, each
 * agent bears an equal share C/n of the chosen outcome's cost, and with w_j = u_j − C/n and
 * ē_i(θ_i) = E_{θ_-i}[Σ_{j≠i} w_j(x*(θ), θ_j)] agent i pays C(θ)/n − ē_i(θ_i) + (1/(n−1)) Σ_{j≠i} ē_j(θ_j). The
 * transfers cover the cost exactly at every profile (ex post strong budget balance), and with independent types
 * each agent's interim utility is the expected welfare of its report minus a constant: Bayesian IC. Interim IR can
 * fail.
 */
final class Agv extends SettingMechanism {
  @Override
  public String name() {
    return "agv";
  }

  @Override
  public String summary() {
    return "AGV (expected externality): efficient, BIC, transfers cover the cost at every profile; needs"
        + " independent types";
  }

  @Override
  boolean needsTransfers() {
    return true;
  }

  @Override
  Optional<String> reason(Setting s, ClassicOptions options) {
    if (s.n < 2) {
      return Optional.of("it needs at least two agents (the budget is balanced among them)");
    }
    return s.independenceReason().map(r -> r + "; AGV's expected externality is Bayesian IC only with independent"
        + " types");
  }

  @Override
  BuiltMechanism build(Setting s, ClassicOptions options) {
    BigFraction share = new BigFraction(1, s.n);
    BigFraction[][] w = new BigFraction[s.profileCount][s.n];
    BigFraction[] costShare = new BigFraction[s.profileCount];
    Table table = s.table();
    for (int p = 0; p < s.profileCount; p++) {
      BigFraction[] lottery = s.efficient(p, options.tieBreak());
      table.lottery(p, lottery);
      costShare[p] = Setting.expectation(lottery, o -> s.cost[o]).multiply(share);
      for (int j = 0; j < s.n; j++) {
        int agent = j;
        int profile = p;
        w[p][j] = Setting.expectation(lottery, o -> s.value(agent, profile, o)).subtract(costShare[p]);
      }
    }
    // ē_i(t) = Σ over profiles with θ_i = t of Π_{j≠i} f_j(θ_j) · Σ_{j≠i} w_j.
    BigFraction[][] externality = new BigFraction[s.n][];
    for (int i = 0; i < s.n; i++) {
      externality[i] = Lotteries.zeros(s.value[i].length);
    }
    for (int p = 0; p < s.profileCount; p++) {
      for (int i = 0; i < s.n; i++) {
        BigFraction others = BigFraction.ONE;
        BigFraction welfare = BigFraction.ZERO;
        for (int j = 0; j < s.n; j++) {
          if (j != i) {
            others = others.multiply(s.typeProbability(j, s.type(p, j)));
            welfare = welfare.add(w[p][j]);
          }
        }
        if (!Fractions.isZero(others)) {
          int t = s.type(p, i);
          externality[i][t] = externality[i][t].add(others.multiply(welfare));
        }
      }
    }
    BigFraction spread = new BigFraction(1, s.n - 1);
    for (int p = 0; p < s.profileCount; p++) {
      for (int i = 0; i < s.n; i++) {
        BigFraction othersReceive = BigFraction.ZERO;
        for (int j = 0; j < s.n; j++) {
          if (j != i) {
            othersReceive = othersReceive.add(externality[j][s.type(p, j)]);
          }
        }
        table.transfer(
            p, i, costShare[p].subtract(externality[i][s.type(p, i)]).add(othersReceive.multiply(spread)));
      }
    }
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < s.n; i++) {
      List<String> parts = new ArrayList<>();
      for (int t = 0; t < externality[i].length; t++) {
        parts.add(s.problem.agents().get(i).types().get(t).name() + " " + Fractions.format(externality[i][t]));
      }
      notes.add("expected externality received by " + s.problem.agents().get(i).name() + ": "
          + String.join(", ", parts));
    }
    return new BuiltMechanism(
        name(),
        "AGV (expected externality): the efficient outcome (ties: " + options.tieBreak().json() + "); agent i"
            + " pays its cost share C/n minus the expected welfare of the others given its report, plus 1/(n-1) of"
            + " the others' such amounts; the transfers cover the cost at every profile",
        table.mechanism(),
        notes);
  }
}
