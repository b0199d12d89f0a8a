package org.mechlp.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.ConstraintQuantity;
import org.mechlp.model.CustomConstraint;
import org.mechlp.model.CustomConstraint.Relation;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;

/** {@code mechanism.constraints} reads into records with exact numbers and indices, or is refused at its path. */
class ConstraintParserTest {
  private static final Path DIR = Path.of(System.getProperty("instances.dir"));

  @Test
  void everyQuantityReadsIntoItsRecord() throws Exception {
    Problem p = ProblemReader.read(ProblemReaderTest.VALID.resolve("custom-constraints.json"));
    List<CustomConstraint> c = p.mechanism().constraints();
    assertThat(c).extracting(CustomConstraint::name)
        .containsExactly("share", "fair", "at-profile", "pay", "utility", "budget");
    // Agents a (0), b (1); types lo (0), hi (1); single-item outcomes none (0), a (1), b (2).
    assertThat(c.get(0).terms().get(0).quantity())
        .isEqualTo(new ConstraintQuantity.InterimAllocation(0, 0, List.of(1)));
    assertThat(c.get(0).relation()).isEqualTo(Relation.GE);
    assertThat(c.get(0).rhs()).isEqualTo(new BigFraction(1, 3));
    assertThat(c.get(0).description()).isEqualTo("a's low type wins often enough");

    assertThat(c.get(1).terms()).extracting(CustomConstraint.Term::coefficient)
        .containsExactly(BigFraction.ONE, BigFraction.MINUS_ONE);
    assertThat(c.get(1).terms()).extracting(CustomConstraint.Term::quantity).containsExactly(
        new ConstraintQuantity.OutcomeProbability(List.of(1), null),
        new ConstraintQuantity.OutcomeProbability(List.of(2), null));
    assertThat(c.get(1).relation()).isEqualTo(Relation.EQ);

    assertThat(c.get(2).terms().get(0).quantity())
        .isEqualTo(new ConstraintQuantity.OutcomeProbability(List.of(0), List.of(0, 0)));
    assertThat(c.get(2).relation()).isEqualTo(Relation.LE);

    assertThat(c.get(3).terms()).extracting(CustomConstraint.Term::coefficient)
        .containsExactly(new BigFraction(1, 2), BigFraction.ONE);
    assertThat(c.get(3).terms()).extracting(CustomConstraint.Term::quantity).containsExactly(
        new ConstraintQuantity.ExpectedPayment(1, -1), new ConstraintQuantity.ExpectedPayment(0, 1));
    assertThat(c.get(3).rhs()).isEqualTo(new BigFraction(5));

    assertThat(c.get(4).terms().get(0).quantity()).isEqualTo(new ConstraintQuantity.InterimUtility(1, 1));
    assertThat(c.get(4).rhs()).isEqualTo(new BigFraction(1, 10));
    assertThat(c.get(5).terms().get(0).quantity()).isEqualTo(new ConstraintQuantity.ExpectedBudget());
    assertThat(c.get(5).terms().get(0).path()).isEqualTo("mechanism.constraints[5].terms[0].budget");
  }

  @Test
  void theEfficientAllocationKeepsTheConstraints() throws Exception {
    String json = ProblemReaderTest.oneAgent("""
        "mechanism": {"allocation": "efficient",
          "constraints": [{"name": "cap", "terms": [{"payment": {"agent": "x"}}], "<=": 1}]}""");
    Problem p = ProblemReader.read(json, "efficient.json");
    assertThat(p.mechanism().hasFixedAllocation()).isTrue();
    assertThat(p.mechanism().constraints()).extracting(CustomConstraint::name).containsExactly("cap");
  }

  @Test
  void calibratedProblemsRefuseThemAtTheirPath() throws Exception {
    ObjectNode root = (ObjectNode) JsonInput.mapper().readTree(Files.readString(DIR.resolve(
        "calibrated-example-c.json")));
    ((ObjectNode) root.with("mechanism")).putArray("constraints").addObject().put("name", "x");
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> ProblemReader.read(root.toString(), "calibrated.json"));
    assertThat(e).isNotNull();
    assertThat(e.issues()).anySatisfy(i -> {
      assertThat(i.pointer()).isEqualTo("mechanism.constraints");
      assertThat(i.message()).contains("not supported for calibrated mechanisms");
    });
  }

  @Test
  void dataDrivenProblemsRefuseThemAtTheirPath() throws Exception {
    ObjectNode root = (ObjectNode) JsonInput.mapper().readTree(Files.readString(DIR.resolve(
        "data-driven-consistent.json")));
    ((ObjectNode) root.with("mechanism")).putArray("constraints")
        .addObject().put("name", "x").put("<=", 1).putArray("terms").addObject().putObject("budget");
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> DataDrivenReader.read(root.toString(), "dd.json"));
    assertThat(e).isNotNull();
    assertThat(Arrays.asList(e.issues().toArray())).anySatisfy(i -> assertThat(i.toString())
        .startsWith("mechanism.constraints: custom constraints are not supported for data-driven problems"));
  }
}
