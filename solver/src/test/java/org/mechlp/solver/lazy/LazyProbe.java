package org.mechlp.solver.lazy;

import org.junit.jupiter.api.Test;
import org.mechlp.model.Problem;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.SolveOptions;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.testing.Grids;

class LazyProbe {
  @Test
  void probe() {
    for (String ic : new String[] {"bic", "dsic"}) {
      for (int n : new int[] {3, 4, 5, 6, 8, 10, 20}) {
        Problem p = Grids.twoItems(n, ic, ic.equals("bic") ? "interim" : "expost");
        long t0 = System.nanoTime();
        SolveReport lazy = MechanismSolver.solve(p, SolveOptions.defaults().withStrategy(SolveOptions.Strategy.LAZY));
        long t1 = System.nanoTime();
        SolveReport full = n > 10 ? lazy : MechanismSolver.solve(p, SolveOptions.defaults().withStrategy(SolveOptions.Strategy.FULL));
        long t2 = System.nanoTime();
        System.out.printf("%s N=%d lazy %s %.12f rounds %d ic %d/%d %s | full %s %.12f | %.0f ms vs %.0f ms %s%n", ic, n,
            lazy.status(), lazy.objective(), lazy.strategy().rounds(), lazy.strategy().icRowsUsed(),
            lazy.strategy().icRowsTotal(), lazy.message(), full.status(), full.objective(), (t1 - t0) / 1e6, (t2 - t1) / 1e6,
            lazy.strategy().roundNanos());
      }
    }
  }
}
