package org.mechlp.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Issue;

/**
 * Golden tests for bad problem files: {@code invalid/<case>.json} must be rejected with exactly the issues listed,
 * one {@code path: message} per line, in {@code invalid/<case>.errors.txt}.
 */
class InvalidFilesTest {
  static final Path INVALID = Paths.get("src/test/resources/invalid");

  static List<Path> cases() throws IOException {
    try (Stream<Path> files = Files.list(INVALID)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void casesExist() throws IOException {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(12);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void reportsExactlyTheGoldenIssues(Path file) throws IOException {
    Path golden = Paths.get(file.toString().replaceFirst("\\.json$", ".errors.txt"));
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> ProblemReader.read(file));
    assertThat(e).as("%s must be rejected", file).isNotNull();
    List<String> actual = e.issues().stream().map(InvalidFilesTest::line).toList();
    assertThat(Files.exists(golden)).as("golden file %s (actual issues:%n%s)", golden, String.join("\n", actual))
        .isTrue();
    assertThat(actual).isEqualTo(Files.readAllLines(golden).stream().filter(l -> !l.isBlank()).toList());
  }

  static String line(Issue issue) {
    return (issue.pointer().isEmpty() ? "(top level)" : issue.pointer()) + ": " + issue.message();
  }
}
