package org.mechlp.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * One in-process run of the {@code mechlp} command line, as the tests use it: the exit code and what the command
 * wrote to standard output and standard error.
 *
 * @param exitCode the exit code
 * @param out standard output
 * @param err standard error
 */
record CliRun(int exitCode, String out, String err) {
  /** Runs {@code mechlp args...} in this JVM. */
  static CliRun run(String... args) {
    CommandLine cmd = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The path of the shipped instance {@code instances/NAME.json}. */
  static String instance(String name) {
    String dir = System.getProperty("instances.dir");
    Path instances = dir != null ? Path.of(dir) : Path.of("").toAbsolutePath().getParent().resolve("instances");
    return instances.resolve(name + ".json").toString();
  }
}
