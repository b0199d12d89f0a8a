package org.mechlp.solver.families;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.Objective;
import org.mechlp.model.PriorSet;
import org.mechlp.model.Problem;
import org.mechlp.model.RobustKind;
import org.mechlp.model.TypeRef;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * The epigraph rows of a robust or Rawlsian objective (docs/THEORY.md, Robust and Rawlsian objectives). The objective
 * is the free column z, and each scoring prior k contributes one linear piece L_k (its expected objective), or one
 * piece per chosen agent type for a Rawlsian objective (that type's interim utility under prior k):
 *
 * <pre>
 * max-min, maximize:   for every k and piece L:  z - L            <= 0          (maximize z)
 * max-min, minimize:   for every k:              z - L_k          >= 0          (minimize z)
 * regret,  maximize:   for every k and piece L:  z + L            >= OPT_k      (minimize z)
 * regret,  minimize:   for every k:              z - L_k          >= -OPT_k     (minimize z)
 * </pre>
 *
 * where OPT_k is prior k's own optimum over the same constraints. At an optimum z is the worst prior's value (or the
 * largest regret), and the rows that bind name the worst priors; their duals are the weights of a least favourable
 * mixture of priors. Types of probability 0 under a prior have no interim utility and no Rawlsian row for it.
 *
 * <p>Key {@code {k, j}}: prior k, piece j (0 for a weighted-sum objective, the index into the Rawlsian set
 * otherwise).
 */
public final class EpigraphFamily implements ConstraintFamily {
  /** The family's id. */
  public static final String ID = "objective-epigraph";

  private final Problem problem;
  private final VariableIndex variables;
  private final List<int[]> keys;

  /** The epigraph rows of {@code problem} over {@code variables} (which must have the epigraph column). */
  public EpigraphFamily(Problem problem, VariableIndex variables) {
    this.problem = Objects.requireNonNull(problem, "problem");
    this.variables = Objects.requireNonNull(variables, "variables");
    if (!variables.hasEpigraph()) {
      throw new IllegalArgumentException("the problem's objective needs no epigraph column");
    }
    Objective objective = problem.objective();
    if (objective.robust() == RobustKind.REGRET && objective.benchmarks() == null) {
      throw new IllegalStateException(
          "a minimax-regret objective needs each prior's own optimum before its LP is built");
    }
    this.keys = new ArrayList<>();
    PriorSet priors = problem.priors();
    for (int k : priors.scoring()) {
      if (!objective.isRawlsian()) {
        keys.add(new int[] {k, 0});
        continue;
      }
      List<TypeRef> members = objective.rawlsian().members();
      for (int j = 0; j < members.size(); j++) {
        TypeRef r = members.get(j);
        if (!Fractions.isZero(priors.prior(k).typeProbability(r.agent(), r.type()))) {
          keys.add(new int[] {k, j});
        }
      }
    }
  }

  /**
   * Whether {@code problem}'s objective is an epigraph variable: a Rawlsian objective, or a weighted sum scored
   * under several priors.
   */
  public static boolean applies(Problem problem) {
    Objective objective = problem.objective();
    if (problem.isCalibrated()) {
      return false;
    }
    return objective.isRawlsian() || !objective.isFeasibility() && problem.priors().scoring().size() > 1;
  }

  /** Whether the LP maximizes z: for max-min values (and Rawlsian ones); regrets and worst-case costs are minimized. */
  public static boolean maximizesZ(Problem problem) {
    Objective objective = problem.objective();
    return objective.robust() == RobustKind.MAXMIN && objective.maximize();
  }

  /** The epigraph column's name. */
  static String columnName(Problem problem) {
    Objective objective = problem.objective();
    if (objective.robust() == RobustKind.REGRET) {
      return "z[largest-regret]";
    }
    return objective.isRawlsian() ? "z[least-interim-utility]" : "z[worst-prior-value]";
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    Objective objective = problem.objective();
    if (objective.robust() == RobustKind.REGRET) {
      return "largest regret over priors";
    }
    return objective.isRawlsian() ? "least interim utility" : "worst prior's value";
  }

  @Override
  public long rowCount() {
    return keys.size();
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    RowBuilder row = new RowBuilder();
    Objective objective = problem.objective();
    boolean regret = objective.robust() == RobustKind.REGRET;
    int z = variables.epigraph();
    for (int[] key : keys) {
      int k = key[0];
      Problem underK = problem.priors().isSet() ? problem.withPrior(k) : problem;
      // +1: the row has +L; -1: it has -L.
      boolean plusL = regret && objective.maximize();
      if (objective.isRawlsian()) {
        TypeRef r = objective.rawlsian().members().get(key[1]);
        RowBuilder piece = new RowBuilder();
        InterimUtilityTerms.add(piece, underK, variables, r.agent(), r.type());
        addPiece(row, piece.build(this, key, Sense.GE, BigFraction.ZERO), plusL);
      } else {
        BigFraction[] c = ObjectiveCoefficients.of(underK, variables);
        for (int j = 0; j < c.length; j++) {
          row.add(j, plusL ? c[j] : c[j].negate());
        }
      }
      row.add(z, BigFraction.ONE);
      Sense sense = maximizesZ(problem) ? Sense.LE : Sense.GE;
      BigFraction rhs = BigFraction.ZERO;
      if (regret) {
        BigFraction optimum = objective.benchmarks().get(k);
        rhs = objective.maximize() ? optimum : optimum.negate();
      }
      sink.accept(row.build(this, key.clone(), sense, rhs));
    }
  }

  /** The key of every row, in row order: {prior, piece}. */
  public List<int[]> keys() {
    return keys.stream().map(int[]::clone).toList();
  }

  /**
   * The value of each row's piece L at the exact point {@code x} (the epigraph column is ignored), in row order: the
   * expected objective, or a type's interim utility, under the row's prior.
   */
  public List<BigFraction> pieceValues(BigFraction[] x) {
    BigFraction[] point = x.clone();
    point[variables.epigraph()] = BigFraction.ZERO;
    boolean plusL = problem.objective().robust() == RobustKind.REGRET && problem.objective().maximize();
    List<BigFraction> values = new ArrayList<>();
    forEachRow(row -> {
      BigFraction a = row.activity(point);
      values.add(plusL ? a : a.negate());
    });
    return values;
  }

  /** {@link #pieceValues(BigFraction[])} at a floating-point point. */
  public List<Double> pieceValues(double[] x) {
    double[] point = x.clone();
    point[variables.epigraph()] = 0;
    boolean plusL = problem.objective().robust() == RobustKind.REGRET && problem.objective().maximize();
    List<Double> values = new ArrayList<>();
    forEachRow(row -> {
      double a = row.activity(point);
      values.add(plusL ? a : -a);
    });
    return values;
  }

  private static void addPiece(RowBuilder row, Row piece, boolean plus) {
    for (int j = 0; j < piece.columns().length; j++) {
      row.add(piece.columns()[j], plus ? piece.coefficients()[j] : piece.coefficients()[j].negate());
    }
  }

  @Override
  public String rowName(int[] key) {
    String prior = problem.priors().name(key[0]);
    if (problem.objective().isRawlsian()) {
      TypeRef r = problem.objective().rawlsian().members().get(key[1]);
      return ID + "[" + (problem.priors().isSet() ? prior + ":" : "") + FamilyText.agent(problem, r.agent()) + "="
          + FamilyText.type(problem, r.agent(), r.type()) + "]";
    }
    return ID + "[" + prior + "]";
  }

  @Override
  public String describe(int[] key) {
    String prior = problem.priors().isSet() ? " under prior " + problem.priors().name(key[0]) : "";
    Objective objective = problem.objective();
    String what;
    if (objective.isRawlsian()) {
      TypeRef r = objective.rawlsian().members().get(key[1]);
      what = "the interim utility of " + FamilyText.agent(problem, r.agent()) + " of type "
          + FamilyText.type(problem, r.agent(), r.type()) + prior;
    } else {
      what = "the expected objective" + prior;
    }
    if (objective.robust() == RobustKind.REGRET) {
      return "Regret: " + what + " falls short of that prior's own optimum "
          + Fractions.format(objective.benchmarks().get(key[0])) + " by at most the largest regret z";
    }
    if (objective.isRawlsian()) {
      return "Rawlsian: " + what + " is at least the least interim utility z";
    }
    return "Worst prior: " + what + (objective.maximize() ? " is at least" : " is at most")
        + " the worst-case value z";
  }

  @Override
  public int agentOf(int[] key) {
    return problem.objective().isRawlsian() ? problem.objective().rawlsian().members().get(key[1]).agent() : -1;
  }
}
