package org.mechlp.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.cli.render.json.CertificateJson;
import org.mechlp.cli.render.json.CheckJson;
import org.mechlp.cli.render.json.InfeasibilityJson;
import org.mechlp.cli.render.json.InterimJson;
import org.mechlp.cli.render.json.SolveJson;
import org.mechlp.cli.render.json.VerificationJson;
import org.mechlp.model.Problem;
import org.mechlp.model.json.MechanismJson;
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.certify.InfeasibilityCertification;
import org.mechlp.solver.certify.Ratios;
import org.mechlp.solver.diagnose.InfeasibilityReport;
import org.mechlp.solver.report.CheckReport;
import org.mechlp.solver.report.DeterministicReport;
import org.mechlp.solver.report.Explanation;
import org.mechlp.solver.report.InterimRow;
import org.mechlp.solver.report.RangeReport;
import org.mechlp.solver.report.RobustSummary;
import org.mechlp.solver.report.RowCheck;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.report.Optimality;
import org.mechlp.solver.report.StrategyReport;
import org.mechlp.solver.report.Verification;

/**
 * The {@code mechlp-report/1} JSON of solve and check reports (docs/OUTPUT.md): reads the solver's report records
 * into the JSON records of {@code org.mechlp.cli.render.json}, which Jackson writes. Doubles are JSON numbers (null
 * when not finite), exact values are strings such as "1/3".
 */
public final class JsonReport {
  /** The format tag of every report. */
  public static final String FORMAT = "mechlp-report/1";

  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Two-space indentation, one array element per line, and {@code "key": value} without a space before the colon. */
  private static final ObjectWriter WRITER =
      MAPPER.writer(
          new DefaultPrettyPrinter()
              .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE)
              .withSeparators(
                  Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

  private JsonReport() {}

  /** The JSON text of a solve report. */
  public static String solve(SolveReport report) {
    return write(solveJson(report));
  }

  /**
   * The JSON text of a solve report with the diagnosis of its infeasibility under the key {@code infeasibility}
   * (docs/OUTPUT.md).
   */
  public static String solve(SolveReport report, InfeasibilityReport d) {
    return write(solveJson(report).withInfeasibility(infeasibility(report.problem(), d)));
  }

  /**
   * The JSON text of a deterministic solve: the deterministic mechanism's solve report with a {@code deterministic}
   * object comparing it with the randomized optimum.
   */
  public static String deterministic(DeterministicReport report) {
    return write(
        solveJson(report.deterministic())
            .withDeterministic(
                new SolveJson.Deterministic(
                    number(report.deterministic().objective()),
                    number(report.randomized().objective()),
                    report.randomized().status().name(),
                    number(report.valueOfRandomization()),
                    number(report.ratio()),
                    number(report.bestBound()),
                    number(report.gap()),
                    report.provenOptimal())));
  }

  /**
   * The JSON text of a range solve: the solve report of the side the problem's own sense asks for, with a {@code
   * range} object giving both ends, their statuses and mechanisms.
   */
  public static String range(RangeReport report) {
    SolveReport min = report.minimum();
    SolveReport max = report.maximum();
    return write(
        solveJson(report.ownSense())
            .withRange(
                new SolveJson.Range(
                    number(min.status() == SolveStatus.OPTIMAL ? min.objective() : null),
                    number(max.status() == SolveStatus.OPTIMAL ? max.objective() : null),
                    min.status().name(),
                    max.status().name(),
                    optimalMechanism(min),
                    optimalMechanism(max))));
  }

  /**
   * The JSON text of a {@code solve --exact} report: the solve report plus a {@code certificate} object (status,
   * the certified objective as a fraction string, the basis dimension, the exact-arithmetic time, and the reason).
   */
  public static String solveExact(SolveReport report, Certification certification) {
    return solveExact(report, certification, null, null);
  }

  /**
   * The JSON text of a {@code solve --exact} report of an LP found infeasible: the certificate object says
   * {@code "kind": "infeasibility"}, whether it is CERTIFIED or FAILED, the non-zero Farkas multipliers, the least
   * total violation and the reason; with a diagnosis, its {@code infeasibility} object as in
   * {@link #solve(SolveReport, InfeasibilityReport)}. With {@code infeasibility} null it is
   * {@link #solveExact(SolveReport, Certification)} (plus the diagnosis when given).
   */
  public static String solveExact(
      SolveReport report,
      Certification certification,
      InfeasibilityCertification infeasibility,
      InfeasibilityReport diagnosis) {
    Object certificate =
        infeasibility == null
            ? new CertificateJson.Optimality(
                certification.status().name(),
                fraction(certification.objective()),
                certification.basisDimension(),
                Numbers.millisValue(certification.certifyNanos()),
                certification.reason())
            : new CertificateJson.Infeasibility(
                "infeasibility",
                infeasibility.status().name(),
                infeasibility.nonZeros(),
                fraction(infeasibility.totalViolation()),
                infeasibility.basisDimension(),
                Numbers.millisValue(infeasibility.certifyNanos()),
                infeasibility.reason());
    SolveJson json = solveJson(report).withCertificate(certificate);
    return write(diagnosis == null ? json : json.withInfeasibility(infeasibility(report.problem(), diagnosis)));
  }

  /** The JSON text of a check report. */
  public static String check(CheckReport report) {
    Problem problem = report.problem();
    Verification v = report.verification();
    List<CheckJson.Violation> violations = new ArrayList<>();
    for (RowCheck row : v.violations()) {
      violations.add(
          new CheckJson.Violation(row.family(), row.rowName(), row.description(), agent(problem, row.agent()),
              number(row.amount()), exact(row.exactAmount())));
    }
    Map<String, Double> regret = new LinkedHashMap<>();
    for (int i = 0; i < problem.agentCount(); i++) {
      regret.put(problem.agents().get(i).name(), number(report.largestRegretPerAgent()[i]));
    }
    return write(
        new CheckJson(
            FORMAT,
            "check",
            problem.name(),
            report.passed(),
            report.exact(),
            number(report.objective()),
            exact(report.exactObjective()),
            Describe.objective(problem),
            verification(v),
            Math.max(v.violationCount(), v.violations().size()),
            violations,
            regret,
            interim(problem, report.interim())));
  }

  /** The solve report's own fields, to which the variants of solve add their objects. */
  private static SolveJson solveJson(SolveReport report) {
    Problem problem = report.problem();
    Verification v = report.verification();
    boolean point = v != null && report.mechanism() != null;
    List<SolveJson.Binding> binding = new ArrayList<>();
    Map<String, Long> bindingCounts = new LinkedHashMap<>();
    if (point) {
      for (RowCheck row : v.binding()) {
        binding.add(
            new SolveJson.Binding(row.family(), row.rowName(), row.description(), agent(problem, row.agent()),
                number(row.amount()), number(row.dual())));
      }
      bindingCounts.putAll(v.bindingCountByFamily());
    }
    return new SolveJson(
        FORMAT,
        "solve",
        problem.name(),
        report.status().name(),
        number(report.objective()),
        Describe.objective(problem),
        // Whether the answer was certified in exact rational arithmetic (else it is floating point, verified).
        v != null && v.exact(),
        new SolveJson.Lp(report.size().rows(), report.size().columns(), report.size().nonZeros()),
        new SolveJson.Times(
            Numbers.millisValue(report.compileNanos()),
            Numbers.millisValue(report.solveNanos()),
            Numbers.millisValue(report.verifyNanos())),
        report.solverName(),
        report.message() == null ? "" : report.message(),
        report.strategy() == null ? null : strategy(report.strategy()),
        v == null ? null : verification(v),
        report.mechanism() == null ? null : MechanismJson.toJson(problem, report.mechanism()),
        interim(problem, report.interim()),
        binding,
        bindingCounts,
        point ? explanation(Explanation.of(problem, v)) : null,
        null,
        null,
        null,
        null,
        robust(RobustSummary.of(problem, report.mechanism())));
  }

  /** The robust object of a solve, or null when the problem has no set of priors, Rawlsian objective or counts. */
  private static SolveJson.Robust robust(RobustSummary summary) {
    if (summary == null) {
      return null;
    }
    List<SolveJson.RobustPrior> priors = new ArrayList<>();
    for (RobustSummary.PriorValue p : summary.priors()) {
      priors.add(new SolveJson.RobustPrior(p.prior(), p.law(), number(p.value()), exact(p.exactValue()),
          exact(p.ownOptimum()), p.regret() == null ? null : number(p.regret()), p.worst(), p.leastTypes()));
    }
    List<SolveJson.RobustCounts> counts = new ArrayList<>();
    for (RobustSummary.AgentCounts c : summary.counts()) {
      Map<String, java.math.BigInteger> byType = new LinkedHashMap<>();
      for (int t = 0; t < c.types().size(); t++) {
        byType.put(c.types().get(t), c.counts().get(t));
      }
      counts.add(new SolveJson.RobustCounts(c.agent(), byType, c.law().stream().map(JsonReport::exact).toList(),
          exact(c.radius())));
    }
    return new SolveJson.Robust(summary.kind(), priors, counts, exact(summary.confidence()));
  }

  /** The strategy object (docs/OUTPUT.md, "strategy"). */
  static SolveJson.Strategy strategy(StrategyReport s) {
    return new SolveJson.Strategy(
        s.strategy(),
        s.reason(),
        s.rounds(),
        s.icRowsUsed(),
        s.icRowsTotal(),
        s.roundNanos().stream().map(Numbers::millisValue).toList(),
        Double.isNaN(s.maxViolationAllRows()) ? null : s.maxViolationAllRows());
  }

  private static SolveJson.Explanation explanation(Explanation explanation) {
    List<SolveJson.ShadowPrice> prices = new ArrayList<>();
    for (Explanation.ShadowPrice price : explanation.shadowPrices()) {
      prices.add(
          new SolveJson.ShadowPrice(price.row().rowName(), price.row().family(), number(price.row().dual()),
              number(price.row().relaxationEffect()), price.sentence()));
    }
    return new SolveJson.Explanation(List.copyOf(explanation.summary()), prices);
  }

  private static InfeasibilityJson infeasibility(Problem problem, InfeasibilityReport d) {
    List<InfeasibilityJson.Row> rows = new ArrayList<>();
    for (InfeasibilityReport.ConflictRow row : d.rows()) {
      rows.add(new InfeasibilityJson.Row(row.name(), row.family(), agent(problem, row.agent()), row.words()));
    }
    List<InfeasibilityJson.Relaxation> relaxations = new ArrayList<>();
    for (InfeasibilityReport.Relaxation r : d.relaxations()) {
      relaxations.add(
          new InfeasibilityJson.Relaxation(r.kind().name(), r.family(), number(r.value()), exact(r.exact()),
              r.words(), r.certification()));
    }
    return new InfeasibilityJson(
        d.families().stream().map(f -> new InfeasibilityJson.Family(f.id(), f.title())).toList(),
        d.givenFamilies().stream().map(InfeasibilityReport.ConflictFamily::id).toList(),
        d.rowSet().name(),
        d.rowNote(),
        rows,
        relaxations,
        d.lpSolves(),
        new InfeasibilityJson.Times(
            Numbers.millisValue(d.familyNanos()),
            Numbers.millisValue(d.rowNanos()),
            Numbers.millisValue(d.relaxationNanos())));
  }

  /** The verification object (docs/OUTPUT.md, "verification"), shared with the calibrated report. */
  static VerificationJson verification(Verification v) {
    return new VerificationJson(
        number(v.maxViolation()),
        exact(v.exactMaxViolation()),
        v.worstRow(),
        v.rowsChecked(),
        v.exact(),
        number(v.tolerance()),
        number(v.objectiveRecomputed()),
        optimality(v.optimality()));
  }

  private static VerificationJson.OptimalityJson optimality(Optimality o) {
    if (o == null) {
      return null;
    }
    return new VerificationJson.OptimalityJson(
        o.method().name().toLowerCase(java.util.Locale.ROOT),
        o.verified(),
        number(o.maxDualViolation()),
        o.worstDual(),
        number(o.gap()),
        o.note());
  }

  private static List<InterimJson> interim(Problem problem, List<InterimRow> rows) {
    List<InterimJson> out = new ArrayList<>();
    for (InterimRow row : rows) {
      Map<String, Double> allocation = new LinkedHashMap<>();
      Describe.lotteryMap(problem, row.outcomeProbabilities()).forEach((k, p) -> allocation.put(k, number(p)));
      out.add(
          new InterimJson(
              problem.agents().get(row.agent()).name(),
              Describe.typeName(problem, row.agent(), row.type()),
              Numbers.exact(row.probability()),
              allocation,
              number(row.expectedTransfer()),
              number(row.expectedUtility())));
    }
    return out;
  }

  private static JsonNode optimalMechanism(SolveReport side) {
    return side.status() != SolveStatus.OPTIMAL || side.mechanism() == null
        ? null
        : MechanismJson.toJson(side.problem(), side.mechanism());
  }

  private static String agent(Problem problem, int agent) {
    return agent < 0 ? null : problem.agents().get(agent).name();
  }

  /** A double for JSON: null when missing or not finite, and never -0.0. */
  static Double number(Double value) {
    // Adding 0.0 turns -0.0 into 0.0.
    return value == null || !Double.isFinite(value) ? null : value + 0.0;
  }

  private static String exact(BigFraction value) {
    return value == null ? null : Numbers.exact(value);
  }

  /** A certified value as a ratio string ("64/25"), or null. */
  static String fraction(BigFraction value) {
    return value == null ? null : Ratios.ratio(value);
  }

  /** The report's JSON text: Jackson writes the record with the report's indentation, and a final newline. */
  static String write(Object report) {
    try {
      return WRITER.writeValueAsString(report) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a report", e);
    }
  }
}
