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

    @Option(names = "--out-of-memory")
    boolean outOfMemory;

    @Option(names = "--deep")
    boolean deep;

    @Override
    public Integer call() throws Exception {
      if (outOfMemory) {
        // As the JVM throws it (filling a test JVM's heap for real takes seconds; ResourceLimitsTest runs a real
        // exhaustion in a small child JVM).
        throw new OutOfMemoryError("Java heap space");
      }
      if (deep) {
        return recurse(0);
      }
      if (invalid) {
        throw new InvalidInputException(
            "p.json", List.of(Issue.of("agents[0].prior", "sums to 9/10, expected 1"), Issue.of("", "second")));
      }
      throw new IllegalStateException("boom");
    }
  }

  private static int recurse(int depth) {
    return depth < 0 ? depth : recurse(depth + 1) + 1;
  }

  private static String[] run(String... args) {
    ErrorHandler handler = new ErrorHandler();
    CommandLine cmd = new CommandLine(new Failing());
    cmd.setExecutionExceptionHandler(handler);
    cmd.setExecutionStrategy(ErrorHandler.guarding(new CommandLine.RunLast()));
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
  void runningOutOfHeapSaysWhatRanOutAndExits4WithoutATrace() {
    String[] r = run("--out-of-memory");
    assertThat(r[0]).isEqualTo("4");
    assertThat(r[1]).contains("out of memory", "MECHLP_JAVA_OPTS=-Xmx8g", "--max-lp-rows").doesNotContain("\tat ");
  }

  @Test
  void runningOutOfStackSaysWhatRanOutAndExits4WithoutATrace() {
    String[] r = run("--deep");
    assertThat(r[0]).isEqualTo("4");
    assertThat(r[1]).contains("out of stack", "-Xss64m").doesNotContain("\tat ", "StackOverflowError");
    assertThat(run("--deep", "--stacktrace")[1]).contains("java.lang.StackOverflowError", "\tat ");
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
