package org.mechlp.solver.testing;

import java.nio.file.Path;
import org.mechlp.model.Expectation;
import org.mechlp.model.json.ProblemReader;

/** Golden values of the shipped instances, read from their {@code expect} blocks (value and source in one place). */
public final class Expected {
  private Expected() {}

  /** The instances folder, set by surefire as the system property {@code instances.dir}. */
  public static Path instancesDir() {
    String dir = System.getProperty("instances.dir");
    if (dir == null) {
      throw new IllegalStateException("system property instances.dir is not set (surefire sets it)");
    }
    return Path.of(dir);
  }

  /** The expect block of {@code instances/NAME.json}. */
  public static Expectation of(String instance) throws Exception {
    Expectation expect = ProblemReader.readFile(instancesDir().resolve(instance + ".json")).expectation();
    if (expect == null) {
      throw new IllegalStateException(instance + ".json has no expect block");
    }
    return expect;
  }

  /** The expected objective of {@code instances/NAME.json}. */
  public static double objective(String instance) throws Exception {
    Expectation expect = of(instance);
    if (expect.objective() == null) {
      throw new IllegalStateException(instance + ".json: expect has no objective");
    }
    return expect.objective().doubleValue();
  }
}
