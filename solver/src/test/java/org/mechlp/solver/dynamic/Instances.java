package org.mechlp.solver.dynamic;

import java.nio.file.Path;
import org.mechlp.model.dynamic.DynamicProblem;
import org.mechlp.model.dynamic.DynamicProblemReader;

/** Reads shipped dynamic instances and inline problems for the tests. */
final class Instances {
  private Instances() {}

  static Path dir() {
    String dir = System.getProperty("instances.dir");
    Path instances = dir != null ? Path.of(dir) : Path.of("").toAbsolutePath().getParent().resolve("instances");
    return instances.resolve("dynamic");
  }

  static DynamicProblem shipped(String name) throws Exception {
    return DynamicProblemReader.read(dir().resolve(name + ".json"));
  }

  static DynamicProblem inline(String json) throws Exception {
    return DynamicProblemReader.read(json, "test.json");
  }
}
