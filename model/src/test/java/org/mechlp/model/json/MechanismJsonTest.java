package org.mechlp.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;

class MechanismJsonTest {
  private static Problem auction;

  @BeforeAll
  static void readProblem() throws Exception {
    auction = ProblemReader.read(ProblemReaderTest.VALID.resolve("single-item.json"));
  }

  /**
   * The efficient auction with split ties and a payment of (own type index + 1) / 4 by the winner: dyadic numbers,
   * so the doubles written are exact.
   */
  private static Mechanism dyadicAuction() {
    TypeProfiles profiles = auction.profiles();
    int k = profiles.count();
    BigFraction[] allocation = new BigFraction[k * 3];
    BigFraction[] transfers = new BigFraction[k * 2];
    for (int p = 0; p < k; p++) {
      int t1 = profiles.typeOf(p, 0);
      int t2 = profiles.typeOf(p, 1);
      BigFraction share1 = t1 > t2 ? BigFraction.ONE : t1 == t2 ? new BigFraction(1, 2) : BigFraction.ZERO;
      allocation[p * 3] = BigFraction.ZERO;
      allocation[p * 3 + 1] = share1;
      allocation[p * 3 + 2] = BigFraction.ONE.subtract(share1);
      transfers[p * 2] = share1.multiply(new BigFraction(t1 + 1, 4));
      transfers[p * 2 + 1] = BigFraction.ONE.subtract(share1).multiply(new BigFraction(t2 + 1, 4)).negate();
    }
    return Mechanism.ofFractions(k, 3, 2, allocation, transfers);
  }

  private static List<String> issues(String json) {
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> MechanismJson.read(json, "m.json", auction));
    assertThat(e).as("expected the mechanism to be rejected").isNotNull();
    return e.issues().stream().map(InvalidFilesTest::line).toList();
  }

  @Test
  void writesOneEntryPerProfileInProfileOrder() {
    ObjectNode json = MechanismJson.toJson(auction, dyadicAuction());
    assertThat(json.get("format").asText()).isEqualTo("mechlp-mechanism/1");
    assertThat(json.get("profiles")).hasSize(9);
    ObjectNode last = (ObjectNode) json.get("profiles").get(8);
    assertThat(last.get("types").toString()).isEqualTo("{\"bidder1\":\"v3\",\"bidder2\":\"v3\"}");
    assertThat(last.get("allocation").toString()).isEqualTo("{\"none\":0,\"bidder1\":0.5,\"bidder2\":0.5}");
    // Winner pays (2 + 1) / 4 with probability 1/2 each: 3/8 and -3/8 by construction.
    assertThat(last.get("transfers").toString()).isEqualTo("{\"bidder1\":0.375,\"bidder2\":-0.375}");
  }

  @Test
  void exactValuesWithoutAFiniteDecimalAreWrittenAsFractionStringsAndReadBackExactly() throws Exception {
    int k = auction.profiles().count();
    BigFraction[] allocation = new BigFraction[k * 3];
    BigFraction[] transfers = new BigFraction[k * 2];
    for (int p = 0; p < k; p++) {
      allocation[p * 3] = new BigFraction(1, 3);
      allocation[p * 3 + 1] = new BigFraction(2, 3);
      allocation[p * 3 + 2] = BigFraction.ZERO;
      transfers[p * 2] = new BigFraction(64, 27);
      transfers[p * 2 + 1] = new BigFraction(-1, 10);
    }
    Mechanism thirds = Mechanism.ofFractions(k, 3, 2, allocation, transfers);

    String text = MechanismJson.toJson(auction, thirds).toPrettyString();
    Mechanism back = MechanismJson.read(text, "thirds.json", auction);

    // A double cannot hold 1/3: the file says "1/3", and a terminating decimal stays a number.
    assertThat(text).contains("\"none\" : \"1/3\"", "\"bidder1\" : \"64/27\"", "\"bidder2\" : -0.1");
    assertThat(back.exactAllocation(0, 0)).isEqualTo(new BigFraction(1, 3));
    assertThat(back.exactTransfer(k - 1, 0)).isEqualTo(new BigFraction(64, 27));
    assertThat(back.exactTransfer(k - 1, 1)).isEqualTo(new BigFraction(-1, 10));
  }

  @Test
  void roundTripIsExactForDyadicValues() throws Exception {
    Mechanism original = dyadicAuction();
    String text = MechanismJson.toJson(auction, original).toPrettyString();
    Mechanism back = MechanismJson.read(text, "round-trip.json", auction);
    assertThat(back.isExact()).isTrue();
    for (int p = 0; p < original.profileCount(); p++) {
      for (int o = 0; o < 3; o++) {
        assertThat(back.exactAllocation(p, o)).isEqualTo(original.exactAllocation(p, o));
      }
      for (int i = 0; i < 2; i++) {
        assertThat(back.exactTransfer(p, i)).isEqualTo(original.exactTransfer(p, i));
      }
    }
  }

  @Test
  void transfersAreLeftOutWhenTheProblemAllowsNone() throws Exception {
    Problem noMoney =
        ProblemReader.read(ProblemReaderTest.oneAgent("\"mechanism\": {\"transfers\": false}"), "nm.json");
    Mechanism m =
        Mechanism.ofDoubles(2, 2, 1, new double[] {1, 0, 0, 1}, new double[] {-0.0, 0});
    ObjectNode json = MechanismJson.toJson(noMoney, m);
    assertThat(json.get("profiles").get(0).has("transfers")).isFalse();
    Mechanism back = MechanismJson.read(json.toString(), "nm-mech.json", noMoney);
    assertThat(back.exactTransfer(0, 0)).isEqualTo(BigFraction.ZERO);
    assertThat(back.exactAllocation(1, 1)).isEqualTo(BigFraction.ONE);
  }

  @Test
  void readsFractionsAndAcceptsInfeasibleLotteries() throws Exception {
    ObjectNode json = MechanismJson.toJson(auction, dyadicAuction());
    ObjectNode first = (ObjectNode) json.get("profiles").get(0);
    // A lottery with a negative entry summing to 4/3 is for the checker to flag, not the reader.
    ((ObjectNode) first.get("allocation")).put("none", "-1/3").put("bidder1", "5/3");
    ((ObjectNode) first.get("transfers")).put("bidder2", "1/3");
    Mechanism m = MechanismJson.read(json.toString(), "m.json", auction);
    assertThat(m.exactAllocation(0, 0)).isEqualTo(new BigFraction(-1, 3));
    assertThat(m.exactAllocation(0, 1)).isEqualTo(new BigFraction(5, 3));
    assertThat(m.exactTransfer(0, 1)).isEqualTo(new BigFraction(1, 3));
  }

  @Test
  void acceptsAWholeSolveReport() throws Exception {
    ObjectNode report = JsonInput.mapper().createObjectNode();
    report.put("status", "OPTIMAL");
    report.set("mechanism", MechanismJson.toJson(auction, dyadicAuction()));
    Mechanism m = MechanismJson.read(report.toString(), "report.json", auction);
    assertThat(m.exactTransfer(8, 0)).isEqualTo(new BigFraction(3, 8));
  }

  @Test
  void reportsMissingAndDuplicateProfilesByName() {
    ObjectNode json = MechanismJson.toJson(auction, dyadicAuction());
    ArrayNode profiles = (ArrayNode) json.get("profiles");
    profiles.set(4, profiles.get(0).deepCopy());
    profiles.remove(8);
    assertThat(issues(json.toString()))
        .containsExactly(
            "profiles[4]: duplicate profile bidder1=v1, bidder2=v1 (also profiles[0])",
            "profiles: missing profile bidder1=v2, bidder2=v2",
            "profiles: missing profile bidder1=v3, bidder2=v3");
  }

  @Test
  void reportsUnknownNamesAndBadNumbersWithTheirPaths() {
    ObjectNode report = JsonInput.mapper().createObjectNode();
    ObjectNode json = report.putObject("mechanism");
    json.setAll(MechanismJson.toJson(auction, dyadicAuction()));
    json.put("format", "mechlp-mechanism/2");
    ObjectNode first = (ObjectNode) json.get("profiles").get(0);
    ((ObjectNode) first.get("types")).put("bidder2", "v9");
    ObjectNode second = (ObjectNode) json.get("profiles").get(1);
    ((ObjectNode) second.get("allocation")).put("bidder3", 1).put("none", "half");
    ((ObjectNode) second.get("transfers")).put("seller", 0);
    second.put("price", 1);
    assertThat(issues(report.toString()))
        .containsExactly(
            "mechanism.format: unsupported format \"mechlp-mechanism/2\"; supported: mechlp-mechanism/1",
            "mechanism.profiles[0].types.bidder2: unknown type \"v9\" of agent bidder2",
            "mechanism.profiles[1].price: unknown field",
            "mechanism.profiles[1].allocation.none: expected a number or a fraction such as \"1/3\", got \"half\"",
            "mechanism.profiles[1].allocation.bidder3: unknown outcome",
            "mechanism.profiles[1].transfers.seller: unknown agent",
            "mechanism.profiles: missing profile bidder1=v1, bidder2=v1",
            "mechanism.profiles: missing profile bidder1=v1, bidder2=v2");
  }

  @Test
  void reportsAMissingProfilesListAndSyntaxErrors() {
    assertThat(issues("{\"format\": \"mechlp-mechanism/1\"}")).containsExactly("profiles: missing required field");
    assertThat(issues("{\"profiles\": [}"))
        .hasSize(1)
        .first()
        .asString()
        .startsWith("profiles[0]: line 1, column 15: ");
  }
}
