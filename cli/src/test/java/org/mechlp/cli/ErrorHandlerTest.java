package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Issue;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

class ErrorHandlerTest {
  @Command(name = "failing")
  static final class Failing implements Callable<Integer> {
    @Option(names = "--stacktrace", scope = ScopeType.INHERIT)
    boolean stackTrace;

    @Option(names = "--invalid")
    boolean invalid;

    @Override
    public Integer call() throws Exception {
      if (invalid) {
        throw new InvalidInputException(
            "p.json", List.of(Issue.of("agents[0].prior", "sums to 9/10, expected 1"), Issue.of("", "second")));
      }
      throw new IllegalStateException("boom");
    }
  }

  private static String[] run(String... args) {
    ErrorHandler handler = new ErrorHandler();
    CommandLine cmd = new CommandLine(new Failing());
    cmd.setExecutionExceptionHandler(handler);
    StringWriter err = new StringWriter();
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new String[] {String.valueOf(code), err.toString()};
  }

  @Test
  void unexpectedErrorsExit1WithoutAStackTrace() {
    String[] r = run();
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).contains("unexpected error: IllegalStateException: boom", "--stacktrace").doesNotContain("\tat ");
  }

  @Test
  void stackTraceOnlyOnRequest() {
    String[] r = run("--stacktrace");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).contains("java.lang.IllegalStateException: boom", "\tat ");
  }

  @Test
  void invalidInputExits2WithEveryIssue() {
    String[] r = run("--invalid");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1])
        .contains("p.json: agents[0].prior: sums to 9/10, expected 1")
        .contains("p.json: (top level): second");
  }
}
