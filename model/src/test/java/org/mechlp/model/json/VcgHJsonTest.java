package org.mechlp.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Paths;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.DataDrivenProblem;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Issue;

/** The h table of data-driven VCG: values per profile of the others' types, and bad tables at their paths. */
class VcgHJsonTest {
  private static DataDrivenProblem adAuction() throws Exception {
    return DataDrivenProblem.of(ProblemReader.read(Paths.get("../instances/data-driven-ad-auction.json")));
  }

  private static List<Issue> issues(String json) throws Exception {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> VcgHJson.read(json, "h.json", adAuction()));
    assertThat(e).as("must be rejected").isNotNull();
    return e.issues();
  }

  @Test
  void aValueForTheOthersTypesHoldsWhateverTheAgentsOwnType() throws Exception {
    DataDrivenProblem p = adAuction();
    BigFraction[][] h = VcgHJson.read("""
        {"format": "mechlp-vcg-h/1",
         "h": {"a1": {"default": 0, "table": [{"others": {"a2": "v2H"}, "value": "3/2"}]},
               "a2": {"default": "1/4"}}}
        """, "h.json", p);
    var profiles = p.problem().profiles();
    for (int own = 0; own < 4; own++) {
      // a2 = v2H is a2's type 3; a1's h there is 3/2 for each of a1's four types, 0 elsewhere.
      assertThat(h[0][profiles.encode(new int[] {own, 3})]).isEqualTo(new BigFraction(3, 2));
      assertThat(h[0][profiles.encode(new int[] {own, 0})]).isEqualTo(BigFraction.ZERO);
      assertThat(h[1][profiles.encode(new int[] {own, 2})]).isEqualTo(new BigFraction(1, 4));
    }
  }

  @Test
  void badTablesAreReportedAtTheirPaths() throws Exception {
    assertThat(issues("{\"h\": {\"a1\": {\"default\": 0}}}"))
        .anySatisfy(i -> assertThat(i.pointer()).isEqualTo("h.a2"));
    assertThat(issues("{\"h\": {\"a1\": {\"table\": [{\"others\": {\"a1\": \"v1L\", \"a2\": \"v1L\"}, \"value\": 1}]},"
        + " \"a2\": {\"default\": 0}}}"))
        .anySatisfy(i -> {
          assertThat(i.pointer()).isEqualTo("h.a1.table[0].others.a1");
          assertThat(i.message()).contains("depends on the others' types only");
        });
    assertThat(issues("{\"h\": {\"a1\": {\"table\": [{\"others\": {\"a2\": \"v1L\"}, \"value\": 1}]},"
        + " \"a2\": {\"default\": 0}}}"))
        .anySatisfy(i -> {
          assertThat(i.pointer()).isEqualTo("h.a1.table");
          assertThat(i.message()).contains("no value for the others' types a2=v1H");
        });
    assertThat(issues("{\"h\": {\"a1\": {\"default\": 0, \"table\": [{\"others\": {\"a2\": \"v9\"}, \"value\": 1}]},"
        + " \"a2\": {\"default\": 0}}}"))
        .anySatisfy(i -> assertThat(i.pointer()).isEqualTo("h.a1.table[0].others.a2"));
    assertThat(issues("{\"h\": {\"a1\": {\"default\": 0}, \"a2\": {\"default\": 0}, \"a3\": {}}}"))
        .anySatisfy(i -> assertThat(i.pointer()).isEqualTo("h.a3"));
  }
}
