package org.mechlp.solver.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.model.json.MechanismJson;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.MechanismChecker;
import org.mechlp.solver.options.CheckOptions;
import org.mechlp.solver.report.CheckReport;
import org.mechlp.solver.report.RowCheck;

/** Each built-in on a problem whose answer is derived by hand (the derivation is in each test's comment). */
class ClassicMechanismsTest {
  static Path instances() {
    String dir = System.getProperty("instances.dir");
    assertThat(dir).as("system property instances.dir (set by surefire)").isNotNull();
    return Path.of(dir);
  }

  static Problem problem(String name) throws Exception {
    return ProblemReader.read(instances().resolve(name + ".json"));
  }

  static BuiltMechanism build(String name, Problem problem, ClassicOptions options) throws Exception {
    return ClassicMechanisms.build(name, problem, options);
  }

  /** Every row of the problem, in exact arithmetic, with no tolerance. */
  static CheckReport check(Problem problem, Mechanism mechanism) {
    return MechanismChecker.check(problem, mechanism, new CheckOptions(0, 1000));
  }

  @Test
  void vcgOnTheTwoBidderAuctionEarnsTheExpectedMinimumValue() throws Exception {
    Problem auction = problem("myerson-two-bidders");
    CheckReport report = check(auction, build("vcg", auction, ClassicOptions.defaults()).mechanism());

    assertThat(report.exact()).isTrue();
    assertThat(report.passed()).isTrue();
    // The winner pays the other's value, so revenue is E[min(v1, v2)] for v i.i.d. uniform on {1, 2, 3}:
    // P(min >= 1) + P(min >= 2) + P(min >= 3) = 1 + 4/9 + 1/9 = 14/9 (a tie pays the common value either way).
    assertThat(report.exactObjective()).isEqualTo(new BigFraction(14, 9));
  }

  @Test
  void secondPriceWithoutReserveIsVcgOnASingleItem() throws Exception {
    Problem auction = problem("myerson-two-bidders");
    Mechanism vcg = build("vcg", auction, ClassicOptions.defaults()).mechanism();
    Mechanism secondPrice = build("second-price", auction, ClassicOptions.defaults()).mechanism();

    // Vickrey (1961): on a single item the Clarke pivot charges the winner the highest other bid.
    for (int p = 0; p < vcg.profileCount(); p++) {
      for (int o = 0; o < vcg.outcomeCount(); o++) {
        assertThat(secondPrice.exactAllocation(p, o)).isEqualTo(vcg.exactAllocation(p, o));
      }
      for (int i = 0; i < vcg.agentCount(); i++) {
        assertThat(secondPrice.exactTransfer(p, i)).isEqualTo(vcg.exactTransfer(p, i));
      }
    }
  }

  @Test
  void secondPriceWithReserveTwoEarnsSeventeenNinths() throws Exception {
    Problem auction = problem("myerson-two-bidders");
    BuiltMechanism built = build("second-price", auction, ClassicOptions.defaults().withReserve(new BigFraction(2)));
    CheckReport report = check(auction, built.mechanism());

    assertThat(report.passed()).isTrue();
    // Per profile (v1, v2) of probability 1/9: (1,1) no sale; one bid of 1 and one of 2 or 3 (4 profiles) pays the
    // reserve 2; (2,2), (2,3), (3,2) pay max(2, 2) = 2; (3,3) pays 3. Sum 8 + 6 + 3 = 17, revenue 17/9
    // (docs/THEORY.md, Classical results: below Myerson's 2).
    assertThat(report.exactObjective()).isEqualTo(new BigFraction(17, 9));
    assertThat(built.description()).contains("reserve 2");
  }

  @Test
  void postedPriceFindsTheBestPriceOfTheAuction() throws Exception {
    Problem auction = problem("myerson-two-bidders");
    BuiltMechanism built = build("posted-price", auction, ClassicOptions.defaults());
    CheckReport report = check(auction, built.mechanism());

    assertThat(report.passed()).isTrue();
    // Price p sells unless both values are below p: p = 1 earns 1, p = 2 earns 2 (1 - 1/9) = 16/9, p = 3 earns
    // 3 (1 - 4/9) = 15/9; prices between values earn less than the next value. The best is 2, revenue 16/9.
    assertThat(built.description()).startsWith("posted price 2 ");
    assertThat(report.exactObjective()).isEqualTo(new BigFraction(16, 9));
  }

  @Test
  void postedPriceInBilateralTradeMaximizesTheGainsFromTrade() throws Exception {
    Problem trade = problem("bilateral-trade");
    BuiltMechanism built = build("posted-price", trade, ClassicOptions.defaults());
    CheckReport report = check(trade, built.mechanism());

    assertThat(report.passed()).isTrue();
    // Cost c = a/9 and value v = b/9, a, b uniform on 0..9. Price j/9 trades iff a <= j <= b, gains
    // sum_{a<=j<=b} (b - a)/9 / 100 = (j + 1)(10 - j) 9/2 / 900, largest at j = 4 and 5 (135/900 = 3/20); a price
    // strictly between j/9 and (j+1)/9 trades only when a <= j < j + 1 <= b (125/900 at j = 4). Ties go to the lower
    // price: 4/9, gains 3/20, below the second best 21/125 (instances/bilateral-trade.json).
    assertThat(built.description()).startsWith("posted price 4/9:");
    assertThat(report.exactObjective()).isEqualTo(new BigFraction(3, 20));
  }

  @Test
  void myersonConstructorReachesTheClosedFormOptima() throws Exception {
    Problem twoBidders = problem("myerson-two-bidders");
    Problem ironing = problem("myerson-ironing");
    CheckReport plain = check(twoBidders, build("myerson", twoBidders, ClassicOptions.defaults()).mechanism());
    BuiltMechanism ironed = build("myerson", ironing, ClassicOptions.defaults());
    CheckReport ironedReport = check(ironing, ironed.mechanism());

    assertThat(plain.passed()).isTrue();
    assertThat(ironedReport.passed()).isTrue();
    // docs/THEORY.md, Classical results: E[max(phi_1, phi_2, 0)] = 2 for phi = (-1, 1, 3); with f = (.4, .1, .1, .4)
    // on {1, 2, 3, 4}, phi = (-1/2, -3, -1, 4) irons to (-1, -1, -1, 4) and revenue is 4 (1 - 0.6^2) = 64/25.
    assertThat(plain.exactObjective()).isEqualTo(new BigFraction(2));
    assertThat(ironedReport.exactObjective()).isEqualTo(new BigFraction(64, 25));
    assertThat(ironed.notes()).anySatisfy(n -> assertThat(n).contains("virtual values -0.5, -3, -1, 4, ironed -1, -1, -1, 4"));
  }

  @Test
  void agvIsBayesIcAndBudgetBalancedButFailsInterimIrByOneEighth() throws Exception {
    Problem good = ProblemReader.read(instances().resolve("classic/agv-public-good.json"));
    CheckReport report = check(good, build("agv", good, ClassicOptions.defaults()).mechanism());

    // Hand derivation in instances/classic/agv-public-good.json: every BIC row and every ex post strong budget row
    // holds exactly; the value-0 type of each agent has interim utility -1/8.
    List<RowCheck> violations = report.verification().violations();
    assertThat(violations).hasSize(2).allSatisfy(v -> {
      assertThat(v.family()).isEqualTo("ir-interim");
      assertThat(v.rowName()).contains("v0");
      assertThat(v.exactAmount()).isEqualTo(new BigFraction(1, 8));
    });
    // Revenue equals the expected cost, 3/4 (built in three of the four profiles).
    assertThat(report.exactObjective()).isEqualTo(new BigFraction(3, 4));
  }

  @Test
  void vcgWithTheProblemsTieBreakIsTheHandWrittenClarkePivot() throws Exception {
    Problem project = problem("public-project-pivot");
    Mechanism vcg =
        build("vcg", project, ClassicOptions.defaults().withTieBreak(ClassicOptions.TieBreak.LAST)).mechanism();
    Mechanism handWritten =
        MechanismJson.read(instances().getParent().resolve("proposals/public-project-pivot.json"), project);

    // proposals/public-project-pivot.json was written by hand: build iff v_a + v_b >= 2 (the tie builds, the last
    // outcome), agent i pays max(0, 2 - v_-i) when built.
    for (int p = 0; p < vcg.profileCount(); p++) {
      for (int o = 0; o < vcg.outcomeCount(); o++) {
        assertThat(vcg.exactAllocation(p, o)).isEqualTo(handWritten.exactAllocation(p, o));
      }
      for (int i = 0; i < vcg.agentCount(); i++) {
        assertThat(vcg.exactTransfer(p, i)).as("profile %d agent %d", p, i).isEqualTo(handWritten.exactTransfer(p, i));
      }
    }
    assertThat(check(project, vcg).exactObjective()).isEqualTo(new BigFraction(8, 9));
  }

  @Test
  void grovesWithAGivenHShiftsEachPaymentByH() throws Exception {
    Problem auction = problem("myerson-two-bidders");
    Mechanism zero = build("groves", auction, ClassicOptions.defaults()).mechanism();
    // h[agent][profile]: bidder1 pays 5 more when bidder2 reports v3 (profiles 2, 5, 8), 1/2 more otherwise.
    BigFraction[][] h = new BigFraction[2][9];
    for (int p = 0; p < 9; p++) {
      h[0][p] = p % 3 == 2 ? new BigFraction(5) : new BigFraction(1, 2);
      h[1][p] = BigFraction.ZERO;
    }
    Mechanism shifted = build("groves", auction, ClassicOptions.defaults().withGrovesH(h)).mechanism();
    h[0][0] = BigFraction.ONE;

    // h = 0: agent i pays minus the others' welfare, so bidder1 facing v3 and losing to it is paid 3; the given h
    // adds 5 when bidder2 reports v3 and 1/2 otherwise, to bidder1's payment only. Profile order: bidder1 most
    // significant, so profile 2 is (v1, v3) and profile 3 is (v2, v1).
    assertThat(zero.exactTransfer(2, 0)).isEqualTo(new BigFraction(-3));
    assertThat(shifted.exactTransfer(2, 0)).isEqualTo(new BigFraction(2));
    assertThat(shifted.exactTransfer(3, 0)).isEqualTo(zero.exactTransfer(3, 0).add(new BigFraction(1, 2)));
    assertThat(shifted.exactTransfer(2, 1)).isEqualTo(zero.exactTransfer(2, 1));
    assertThat(check(auction, shifted).verification().violations()).noneMatch(v -> v.family().startsWith("ic-"));
    // An h that reads bidder1's own type (profile 0 differs from profiles 3 and 6) is refused.
    assertThat(ClassicMechanisms.named("groves").orElseThrow()
        .applicability(auction, ClassicOptions.defaults().withGrovesH(h)))
        .hasValueSatisfying(r -> assertThat(r).contains("depends on its own type"));
  }

  @Test
  void serialDictatorshipGivesTheFirstAgentItsFavourite() throws Exception {
    Problem houses = ProblemReader.read("""
        {"format": "mechlp/1", "name": "houses",
         "agents": [
           {"name": "a", "types": ["likes1", "likes2"], "prior": ["1/2", "1/2"]},
           {"name": "b", "types": ["likes1", "likes2"], "prior": ["1/2", "1/2"]}],
         "outcomes": ["a1b2", "a2b1"],
         "valuations": {
           "a": {"table": {"likes1": {"a1b2": 2, "a2b1": 1}, "likes2": {"a1b2": 1, "a2b1": 2}}},
           "b": {"table": {"likes1": {"a1b2": 1, "a2b1": 2}, "likes2": {"a1b2": 2, "a2b1": 1}}}},
         "mechanism": {"ic": "dsic", "ir": "none", "transfers": false},
         "objective": "welfare"}""", "houses");
    Mechanism inOrder = build("serial-dictatorship", houses, ClassicOptions.defaults()).mechanism();
    Mechanism reversed =
        build("serial-dictatorship", houses, ClassicOptions.defaults().withOrder(List.of("b", "a"))).mechanism();
    Mechanism random = build("random-priority", houses, ClassicOptions.defaults()).mechanism();

    // Profiles in lexicographic order, agent a most significant: profile 0 is (likes1, likes1), both want house 1.
    // a first: a gets it (a1b2); b first: b gets it (a2b1); random priority: each with probability 1/2.
    assertThat(inOrder.exactAllocation(0, 0)).isEqualTo(BigFraction.ONE);
    assertThat(reversed.exactAllocation(0, 1)).isEqualTo(BigFraction.ONE);
    assertThat(random.exactAllocation(0, 0)).isEqualTo(new BigFraction(1, 2));
    // (likes1, likes2): no conflict, everyone gets its favourite whatever the order.
    assertThat(inOrder.exactAllocation(1, 0)).isEqualTo(BigFraction.ONE);
    assertThat(reversed.exactAllocation(1, 0)).isEqualTo(BigFraction.ONE);
    for (Mechanism m : List.of(inOrder, reversed, random)) {
      assertThat(check(houses, m).passed()).isTrue();
    }
  }

  @Test
  void eachBuiltinSaysWhyItDoesNotApply() throws Exception {
    Problem correlated = problem("cremer-mclean");
    Problem project = problem("public-project-pivot");
    Problem calibrated = problem("calibrated-example-c");

    assertThat(ClassicMechanisms.named("myerson").orElseThrow().applicability(correlated))
        .hasValueSatisfying(r -> assertThat(r).contains("correlated"));
    assertThat(ClassicMechanisms.named("agv").orElseThrow().applicability(correlated))
        .hasValueSatisfying(r -> assertThat(r).contains("correlated"));
    assertThat(ClassicMechanisms.named("second-price").orElseThrow().applicability(project))
        .hasValueSatisfying(r -> assertThat(r).contains("not those of an auction"));
    assertThat(ClassicMechanisms.named("posted-price").orElseThrow().applicability(project))
        .hasValueSatisfying(r -> assertThat(r).contains("not bilateral trade"));
    assertThat(ClassicMechanisms.named("vcg").orElseThrow().applicability(calibrated))
        .hasValueSatisfying(r -> assertThat(r).contains("calibrated"));
    assertThatThrownBy(() -> build("myerson", correlated, ClassicOptions.defaults()))
        .isInstanceOf(NotApplicableException.class)
        .hasMessageStartingWith("myerson does not apply: types are correlated");
    assertThat(ClassicMechanisms.applicable(correlated)).extracting(ClassicMechanism::name)
        .containsExactly("vcg", "groves", "second-price", "posted-price", "serial-dictatorship", "random-priority");
  }

  @Test
  void interdependentValuesRuleOutTheEfficientMechanisms() throws Exception {
    Problem interdependent = ProblemReader.read("""
        {"format": "mechlp/1", "name": "interdependent",
         "agents": [
           {"name": "a", "types": [{"name": "lo", "value": 1}, {"name": "hi", "value": 2}], "prior": ["1/2", "1/2"]},
           {"name": "b", "types": [{"name": "lo", "value": 1}, {"name": "hi", "value": 2}], "prior": ["1/2", "1/2"]}],
         "outcomes": {"shortcut": "single-item"},
         "valuations": {"a": {"expression": {"a": "value + other.value / 2"}},
                        "b": {"expression": {"b": "value + other.value / 2"}}},
         "mechanism": {"ic": "expost", "ir": "expost"}}""", "interdependent");

    for (String name : ClassicMechanisms.names()) {
      assertThat(ClassicMechanisms.named(name).orElseThrow().applicability(interdependent)).as(name)
          .hasValueSatisfying(r -> assertThat(r).startsWith("values are not private: a's value of outcome \"a\""));
    }
  }

  @Test
  void theRegistryNamesEveryBuiltinOnce() {
    assertThat(ClassicMechanisms.names())
        .containsExactly("vcg", "groves", "agv", "second-price", "posted-price", "myerson", "serial-dictatorship",
            "random-priority");
    assertThat(ClassicMechanisms.named("vcgg")).isEmpty();
    assertThatThrownBy(() -> ClassicMechanisms.build("nope", null, ClassicOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
