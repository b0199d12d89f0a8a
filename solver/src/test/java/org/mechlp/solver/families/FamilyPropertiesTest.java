package org.mechlp.solver.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.BudgetKind;
import org.mechlp.model.Fractions;
import org.mechlp.model.IcKind;
import org.mechlp.model.IrKind;
import org.mechlp.model.Objective;
import org.mechlp.model.ObjectiveTerm;
import org.mechlp.model.Prior;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.solver.compile.ObjectiveBuilder;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.testing.Toys;

/** Properties of the families and the objective on random small problems ({@link Toys#random}). */
class FamilyPropertiesTest {
  @Provide
  Arbitrary<Problem> problems() {
    return Arbitraries.randomValue(Toys::random);
  }

  @Property(tries = 300)
  void everyFamilyKeepsItsInvariants(@ForAll("problems") Problem p) {
    VariableIndex vars = new VariableIndex(p);
    for (ConstraintFamily family : FamilyCatalog.forProblem(p, vars)) {
      // Row count, unique names, increasing columns, no zero coefficient, purity: see FamilyAssert.
      FamilyAssert.assertThat(family, vars);
      for (Row r : family.rows()) {
        assertThat(family.agentOf(r.key())).isBetween(-1, p.agentCount() - 1);
      }
    }
  }

  @Property(tries = 300)
  void rowCountsMatchTheClosedForms(@ForAll("problems") Problem p) {
    // docs/THEORY.md, Constraint families: IC n(k-1)K or sum over positive types of (k-1); IR nK, #positive types, n;
    // BB K or 1.
    VariableIndex vars = new VariableIndex(p);
    TypeProfiles profiles = p.profiles();
    Prior prior = p.prior();
    int k = profiles.count();
    long perProfileMisreports = 0;
    long positiveTypeMisreports = 0;
    long positiveTypes = 0;
    for (int i = 0; i < p.agentCount(); i++) {
      perProfileMisreports += (long) k * (profiles.typeCount(i) - 1);
      for (int t = 0; t < profiles.typeCount(i); t++) {
        if (!Fractions.isZero(prior.typeProbability(i, t))) {
          positiveTypes++;
          positiveTypeMisreports += profiles.typeCount(i) - 1;
        }
      }
    }
    Map<String, Long> expected = new HashMap<>();
    expected.put("feasibility", (long) k);
    expected.put("ic-dsic", perProfileMisreports);
    expected.put("ic-expost", perProfileMisreports);
    expected.put("ic-bic", positiveTypeMisreports);
    expected.put("ir-expost", (long) p.agentCount() * k);
    expected.put("ir-interim", positiveTypes);
    expected.put("ir-exante", (long) p.agentCount());
    expected.put("budget-expost", (long) k);
    expected.put("budget-exante", 1L);
    expected.put("fixed-allocation", (long) k * p.outcomeCount());
    long ends =
        p.mechanism().transfers().bounds().stream()
            .mapToLong(b -> (b.lower() == null ? 0 : 1) + (b.upper() == null ? 0 : 1))
            .sum();
    expected.put("transfer-bounds", ends * k);
    for (ConstraintFamily family : FamilyCatalog.forProblem(p, vars)) {
      assertThat(family.rowCount()).as(family.id()).isEqualTo(expected.get(family.id()));
    }
  }

  @Property(tries = 200)
  void forOneAgentBayesianAndExPostIcCoincide(@ForAll("problems") Problem random) {
    // With one agent f(θ)/f_1(θ_1) = 1 and the BIC state sum is ū itself, so each BIC row (type t, lie r) equals the
    // ex post row at profile t with lie r; ex post has extra rows only for zero-probability types.
    Problem p = Toys.withIc(random, IcKind.BIC);
    Assume.that(p.agentCount() == 1);
    VariableIndex vars = new VariableIndex(p);
    Map<String, Map<Integer, BigFraction>> exPost = new HashMap<>();
    for (Row r : new ExPostIcFamily(p, vars, IcKind.EX_POST).rows()) {
      exPost.put(r.key()[1] + "->" + r.key()[2], terms(r));
    }
    for (Row r : new BicFamily(p, vars).rows()) {
      assertThat(terms(r)).isEqualTo(exPost.get(r.key()[1] + "->" + r.key()[2]));
    }
  }

  @Property(tries = 200)
  void exAnteIrIsTheTypeAverageOfInterimIr(@ForAll("problems") Problem p) {
    VariableIndex vars = new VariableIndex(p);
    List<Row> interim = new InterimIrFamily(p, vars).rows();
    for (Row exAnte : new ExAnteIrFamily(p, vars).rows()) {
      int agent = exAnte.key()[0];
      Map<Integer, BigFraction> average = new HashMap<>();
      BigFraction rhs = BigFraction.ZERO;
      for (Row r : interim) {
        if (r.key()[0] == agent) {
          BigFraction f = p.prior().typeProbability(agent, r.key()[1]);
          terms(r).forEach((c, a) -> average.merge(c, f.multiply(a), BigFraction::add));
          rhs = rhs.add(f.multiply(r.rhs()));
        }
      }
      average.values().removeIf(Fractions::isZero);
      assertThat(terms(exAnte)).isEqualTo(average);
      assertThat(exAnte.rhs()).isEqualTo(rhs);
    }
  }

  @Property(tries = 200)
  void welfareIsAgentUtilityPlusProfit(@ForAll("problems") Problem random) {
    Problem welfare = Toys.withObjective(random, Objective.maximize(ObjectiveTerm.WELFARE));
    Problem sum =
        Toys.withObjective(
            random,
            new Objective(
                true, Map.of(ObjectiveTerm.AGENT_UTILITY, BigFraction.ONE, ObjectiveTerm.PROFIT, BigFraction.ONE)));
    VariableIndex vars = new VariableIndex(random);
    BigFraction[] expected = ObjectiveBuilder.build(welfare, vars).coefficients();
    assertThat(expected).hasSize(vars.columnCount());
    assertThat(ObjectiveBuilder.build(sum, vars).coefficients()).isEqualTo(expected);
  }

  @Property(tries = 100)
  void noFamilyForAbsentOptions(@ForAll("problems") Problem random) {
    Problem p = Toys.withBudget(Toys.withIr(Toys.withIc(random, IcKind.NONE), IrKind.NONE), BudgetKind.NONE, "0");
    List<String> ids =
        FamilyCatalog.forProblem(p, new VariableIndex(p)).stream().map(ConstraintFamily::id).toList();
    assertThat(ids).doesNotContain("ic-dsic", "ic-expost", "ic-bic", "ir-expost", "ir-interim", "ir-exante");
    assertThat(ids).first().isEqualTo("feasibility");
  }

  private static Map<Integer, BigFraction> terms(Row r) {
    Map<Integer, BigFraction> terms = new HashMap<>();
    for (int k = 0; k < r.columns().length; k++) {
      terms.put(r.columns()[k], r.coefficients()[k]);
    }
    return terms;
  }
}
