package org.mechlp.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.CacheMode;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package structure of all three modules (this module's test classpath sees model, solver and cli): no two
 * packages depend on each other, directly or through others, and only the backend package talks to OR-Tools, so
 * that the backend can be replaced and the exact paths run without loading its native library.
 */
// PER_CLASS: the imported classes are dropped after this class, so they do not crowd the heap of later tests.
@AnalyzeClasses(
    packages = "org.mechlp",
    importOptions = ImportOption.DoNotIncludeTests.class,
    cacheMode = CacheMode.PER_CLASS)
class ArchitectureTest {

  /** Every package of org.mechlp is its own slice; a cycle between any of them fails with the dependencies named. */
  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("org.mechlp.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule orToolsOnlyInTheBackend =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.mechlp.solver.ortools..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.google.ortools..")
          .because("OR-Tools is reached only through org.mechlp.solver.ortools (the LpSolver backend)");
}
