package org.mechlp.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Issue;
import org.mechlp.model.json.StrictJson;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions escaping a command into a message on stderr and an exit code: invalid input 2 (every issue
 * listed as {@code file: path: message}), the JVM running out of heap or stack 4 (what ran out and what to try),
 * anything else 1; a stack trace only under {@code --stacktrace}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IExitCodeExceptionMapper {
  /**
   * Runs commands through {@code inner}, catching OutOfMemoryError and StackOverflowError, which picocli lets
   * through untouched: by the time they arrive here the stack has unwound and what filled the heap is garbage, so
   * a message can still be printed.
   */
  static IExecutionStrategy guarding(IExecutionStrategy inner) {
    return parseResult -> {
      try {
        return inner.execute(parseResult);
      } catch (OutOfMemoryError | StackOverflowError e) {
        return exhausted(e, parseResult.commandSpec().commandLine().getErr(), stackTraceRequested(parseResult));
      } catch (CommandLine.ExecutionException e) {
        if (e.getCause() instanceof OutOfMemoryError || e.getCause() instanceof StackOverflowError) {
          return exhausted((Error) e.getCause(), e.getCommandLine().getErr(), stackTraceRequested(parseResult));
        }
        throw e;
      }
    };
  }

  /** Says what ran out and what to try; exit code 4 (a limit reached). */
  static int exhausted(Error e, PrintWriter err, boolean stackTrace) {
    if (e instanceof OutOfMemoryError) {
      err.println(String.format(Locale.ROOT,
          "mechlp: out of memory: the Java heap (at most %,d MB) is full. Try a smaller problem (fewer agents, types"
              + " or outcomes), a lower --max-lp-rows so that large LPs are refused before they are built, or a"
              + " larger heap, e.g. MECHLP_JAVA_OPTS=-Xmx8g ./mechlp ...",
          Runtime.getRuntime().maxMemory() >> 20));
    } else {
      err.println(
          "mechlp: out of stack: the input nests too deeply for the Java thread stack. Simplify the most deeply"
              + " nested part of the input, or give a larger stack, e.g. MECHLP_JAVA_OPTS=-Xss64m ./mechlp ...");
    }
    if (stackTrace) {
      e.printStackTrace(err);
    } else {
      err.println("mechlp: run again with --stacktrace for details");
    }
    err.flush();
    return ExitCodes.SOLVER_FAILURE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (ex instanceof InvalidInputException invalid) {
      printIssues(err, invalid);
    } else if (ex instanceof BadInputException) {
      err.println("mechlp: " + StrictJson.escape(ex.getMessage()));
    } else {
      err.println("mechlp: unexpected error: " + describe(ex));
      if (stackTraceRequested(parseResult)) {
        ex.printStackTrace(err);
      } else {
        err.println("mechlp: run again with --stacktrace for details");
      }
    }
    err.flush();
    return getExitCode(ex);
  }

  @Override
  public int getExitCode(Throwable exception) {
    if (exception instanceof InvalidInputException
        || exception instanceof BadInputException
        || exception instanceof CommandLine.ParameterException) {
      return ExitCodes.BAD_INPUT;
    }
    return ExitCodes.UNEXPECTED;
  }

  /** Prints every issue of an invalid file, one per line, as {@code file: path: message}. */
  static void printIssues(PrintWriter err, InvalidInputException invalid) {
    for (Issue issue : invalid.issues()) {
      err.println(StrictJson.escape(invalid.source()) + ": " + issue);
    }
    if (invalid.issues().isEmpty()) {
      err.println(StrictJson.escape(invalid.source()) + ": invalid");
    }
  }

  private static String describe(Exception ex) {
    String message = ex.getMessage();
    return message == null ? ex.getClass().getName() : ex.getClass().getSimpleName() + ": " + message;
  }

  static boolean stackTraceRequested(ParseResult parseResult) {
    for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
      if (pr.hasMatchedOption("--stacktrace")) {
        return true;
      }
    }
    return false;
  }
}
