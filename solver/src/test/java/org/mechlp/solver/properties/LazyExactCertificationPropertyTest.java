package org.mechlp.solver.properties;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mechlp.model.IcKind;
import org.mechlp.model.IrKind;
import org.mechlp.model.Problem;
import org.mechlp.solver.exact.ExactSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.options.SolveOptions.Strategy;
import org.mechlp.solver.report.SolveStatus;

/**
 * On random small auctions and trade problems (the generator of {@link RandomProblemsPropertyTest}, several agents,
 * DSIC and BIC), the lazily certified optimum is exactly the full LP's certified optimum: the full LP is solved and
 * certified independently (every row built, the dense certificate checked over every row), so the two fractions
 * come from different LPs, bases and checks.
 */
class LazyExactCertificationPropertyTest {
  private static final SolveOptions LAZY = SolveOptions.defaults().withStrategy(Strategy.LAZY);
  private static final SolveOptions FULL = SolveOptions.defaults().withStrategy(Strategy.FULL);

  @Provide
  Arbitrary<RandomProblemsPropertyTest.Data> problems() {
    return new RandomProblemsPropertyTest().problems();
  }

  @Property(tries = 40)
  void theLazyCertificateProvesTheFullOptimum(@ForAll("problems") RandomProblemsPropertyTest.Data data) {
    for (IcKind ic : new IcKind[] {IcKind.DSIC, IcKind.BIC}) {
      Problem problem = RandomProblemsPropertyTest.build(data, ic, IrKind.INTERIM, 1, false);
      ExactSolver.ExactSolveReport full = ExactSolver.solve(problem, FULL);
      ExactSolver.ExactSolveReport lazy = ExactSolver.solve(problem, LAZY);
      if (full.report().status() != SolveStatus.OPTIMAL) {
        continue;
      }
      assertThat(full.certification().certified()).as(full.certification().reason()).isTrue();
      assertThat(lazy.certification().certified()).as(ic + ": " + lazy.certification().reason()).isTrue();
      assertThat(lazy.certification().objective()).isEqualTo(full.certification().objective());
      assertThat(lazy.sparseCertificate()).as("certified lazily, not by falling back to the full LP").isNotNull();
      assertThat(lazy.report().strategy().lazy()).isTrue();
      assertThat(lazy.report().verification().exact()).isTrue();
    }
  }
}
