package org.mechlp.cli;

import java.io.PrintWriter;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Issue;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions escaping a command into a message on stderr and an exit code: invalid input 2 (every issue
 * listed as {@code file: path: message}), anything else 1 with a stack trace only under {@code --stacktrace}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IExitCodeExceptionMapper {
  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (ex instanceof InvalidInputException invalid) {
      printIssues(err, invalid);
    } else if (ex instanceof BadInputException) {
      err.println("mechlp: " + ex.getMessage());
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
      err.println(invalid.source() + ": " + issue);
    }
    if (invalid.issues().isEmpty()) {
      err.println(invalid.source() + ": invalid");
    }
  }

  private static String describe(Exception ex) {
    String message = ex.getMessage();
    return message == null ? ex.getClass().getName() : ex.getClass().getSimpleName() + ": " + message;
  }

  private static boolean stackTraceRequested(ParseResult parseResult) {
    for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
      if (pr.hasMatchedOption("--stacktrace")) {
        return true;
      }
    }
    return false;
  }
}
