package org.mechlp.solver.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mechlp.model.IcKind;
import org.mechlp.model.IrKind;
import org.mechlp.model.Problem;
import org.mechlp.solver.certify.CertificateChecker;
import org.mechlp.solver.exact.ExactSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;

/**
 * On random small problems (the generator of {@link RandomProblemsPropertyTest}) exact certification succeeds
 * whenever the floating-point solve is optimal, and the certified value agrees with the independently verified
 * floating-point optimum: two routes to the same number.
 */
class ExactCertificationPropertyTest {
  @Provide
  Arbitrary<RandomProblemsPropertyTest.Data> problems() {
    return new RandomProblemsPropertyTest().problems();
  }

  @Property(tries = 40)
  void everyOptimumCertifiesToTheFloatingPointValue(@ForAll("problems") RandomProblemsPropertyTest.Data data) {
    for (IcKind ic : new IcKind[] {IcKind.DSIC, IcKind.BIC}) {
      for (IrKind ir : new IrKind[] {IrKind.EX_POST, IrKind.INTERIM}) {
        Problem problem = RandomProblemsPropertyTest.build(data, ic, ir, 1, false);
        SolveReport floating = RandomProblemsPropertyTest.solve(problem);

        ExactSolver.ExactSolveReport exact = ExactSolver.solve(problem, SolveOptions.defaults());

        if (floating.status() != SolveStatus.OPTIMAL) {
          continue;
        }
        assertThat(exact.certification().certified()).as(ic + "/" + ir + ": " + exact.certification().reason())
            .isTrue();
        assertThat(exact.certification().objective().doubleValue())
            .isCloseTo(floating.objective(), within(1e-7));
        assertThat(CertificateChecker.check(exact.compiled().lp(), exact.certification().certificate()).valid())
            .isTrue();
      }
    }
  }
}
