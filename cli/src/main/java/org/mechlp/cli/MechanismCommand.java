package org.mechlp.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.cli.render.Numbers;
import org.mechlp.model.DataDrivenProblem;
import org.mechlp.model.Fractions;
import org.mechlp.model.Problem;
import org.mechlp.model.datadriven.DataDrivenMechanism;
import org.mechlp.model.json.DataDrivenMechanismJson;
import org.mechlp.model.json.VcgHJson;
import org.mechlp.solver.MechanismChecker;
import org.mechlp.solver.classic.BuiltMechanism;
import org.mechlp.solver.classic.ClassicMechanism;
import org.mechlp.solver.classic.ClassicMechanisms;
import org.mechlp.solver.classic.ClassicOptions;
import org.mechlp.solver.datadriven.DataDrivenData;
import org.mechlp.solver.options.CheckOptions;
import org.mechlp.solver.report.CheckReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mechlp mechanism}: writes a built-in classical mechanism for a problem as an exact mechanism file. */
@Command(
    name = "mechanism",
    customSynopsis = "mechlp mechanism [OPTIONS] NAME PROBLEM.json [--out MECH.json]",
    mixinStandardHelpOptions = true,
    description = {
      "Build a classical mechanism for a problem, exactly and without an LP, and write it as a mechanism file that"
          + " check accepts.",
      "NAME is vcg (Clarke pivot), groves (h = 0, or --h FILE), agv (expected externality, budget balanced),"
          + " second-price (--reserve R; the (k+1)-th price for k identical units), posted-price (the best single"
          + " price, or --price P), myerson (ironed virtual values), serial-dictatorship (--order) or"
          + " random-priority; 'list' lists them and says which apply to the problem. A built-in that does not"
          + " apply (wrong outcome structure, correlated types, values that are not private) is refused with the"
          + " reason. On a data-driven problem vcg and groves write data-driven VCG (h = clarke, zero)."
    },
    footer = {
      "%nExamples:",
      "  mechlp mechanism vcg instances/myerson-two-bidders.json --out vcg.json",
      "  mechlp check instances/myerson-two-bidders.json --mechanism vcg.json",
      "  mechlp mechanism second-price instances/myerson-two-bidders.json --reserve 2",
      "  mechlp mechanism list instances/bilateral-trade.json",
      "  mechlp check instances/myerson-two-bidders.json --mechanism myerson",
      ExitCodes.FOOTER
    })
final class MechanismCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "NAME",
      completionCandidates = ClassicCli.Names.class,
      description = "The built-in mechanism, or list.")
  String name;

  @Parameters(
      index = "1",
      paramLabel = "PROBLEM.json",
      description = "The problem file (format mechlp/1); - reads it from standard input.")
  Path problemFile;

  @Option(
      names = "--out",
      paramLabel = "MECH.json",
      description = "Write the mechanism file here (atomically) and print a summary; without it the mechanism file"
          + " goes to stdout.")
  Path out;

  @Option(names = "--reserve", paramLabel = "R", description = "second-price: the reserve price (\"2\", \"1/3\").")
  String reserve;

  @Option(names = "--price", paramLabel = "P", description = "posted-price: this price instead of the best one.")
  String price;

  @Option(
      names = "--order",
      paramLabel = "AGENTS",
      split = ",",
      description = "serial-dictatorship and posted-price: the agents' order, e.g. --order b,a (default: the"
          + " problem's).")
  List<String> order;

  @Option(
      names = "--h",
      paramLabel = "FILE",
      description = "groves: h_i(others' types) from a JSON file (format mechlp-vcg-h/1, docs/FORMAT.md, as for"
          + " mechlp vcg); default h = 0.")
  Path hFile;

  @Option(
      names = "--tie-break",
      paramLabel = "split|first|last",
      defaultValue = "split",
      description = "How ties between outcomes or bids are broken: split (uniformly), first or last (in the"
          + " problem's order) (default: ${DEFAULT-VALUE}).")
  String tieBreak;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    boolean list = name.equals("list");
    ClassicMechanism m = list ? null : ClassicCli.lookup(spec.commandLine(), name, "");
    ClassicOptions options = options();
    Output output = Output.of("--out", out, spec.commandLine().getOut(), spec.commandLine().getErr(), problemFile,
        hFile);
    if (DynamicRun.applies(problemFile)) {
      throw new BadInputException(Inputs.name(problemFile) + ": the problem is dynamic (it has \"periods\");"
          + " built-in mechanisms are static");
    }
    Problem problem = Inputs.problem(problemFile);
    if (list) {
      Output.of(null, spec.commandLine().getOut()).write(listing(problem));
      return ExitCodes.YES;
    }
    if (problem.isDataDriven() && ClassicCli.dataDrivenVcg(name)) {
      if (hFile != null) {
        throw new BadInputException("--h: on a data-driven problem groves is data-driven VCG with h = 0 (vcg: h ="
            + " clarke); use mechlp vcg for other choices");
      }
      DataDrivenProblem ddp = DataDrivenProblem.of(problem);
      DataDrivenMechanism vcg = ClassicCli.dataDriven(name, new DataDrivenData(ddp), problemFile);
      String h = name.equals("vcg") ? "clarke" : "zero";
      output.write(DataDrivenMechanismJson.write(ddp, vcg,
          "data-driven VCG with h = " + h + " for " + problem.name() + " (mechlp mechanism " + name + ")"));
      if (output.toFile()) {
        Output.of(null, spec.commandLine().getOut()).write(
            name + ": data-driven VCG with h = " + h + "\ncheck it: mechlp check " + Inputs.name(problemFile)
                + " --mechanism " + out + "\n");
      }
      return ExitCodes.YES;
    }
    if (hFile != null) {
      options = options.withGrovesH(VcgHJson.read(Inputs.text(hFile), Inputs.name(hFile), problem));
    }
    BuiltMechanism built = ClassicCli.build(m, problem, options, problemFile);
    output.write(ClassicCli.json(problem, built));
    if (output.toFile()) {
      Output.of(null, spec.commandLine().getOut()).write(summary(problem, built));
    }
    return ExitCodes.YES;
  }

  private ClassicOptions options() throws BadInputException {
    ClassicOptions options = ClassicOptions.defaults();
    ClassicOptions.TieBreak t = ClassicOptions.TieBreak.fromJson(tieBreak);
    if (t == null) {
      throw new BadInputException("--tie-break: expected split, first or last, got '" + tieBreak + "'");
    }
    options = options.withTieBreak(t);
    if (reserve != null) {
      options = options.withReserve(number("--reserve", reserve));
    }
    if (price != null) {
      options = options.withPrice(number("--price", price));
    }
    if (order != null) {
      options = options.withOrder(order);
    }
    for (String[] misplaced : List.of(
        new String[] {"--reserve", reserve, "second-price"},
        new String[] {"--price", price, "posted-price"},
        new String[] {"--order", order == null ? null : "", "serial-dictatorship, posted-price"},
        new String[] {"--h", hFile == null ? null : "", "groves"})) {
      if (misplaced[1] != null && !name.equals("list") && !Arrays.asList(misplaced[2].split(", ")).contains(name)) {
        throw new BadInputException(misplaced[0] + ": only " + misplaced[2] + " read" + (misplaced[2].contains(",")
            ? "" : "s") + " it, not " + name);
      }
    }
    return options;
  }

  private static BigFraction number(String option, String text) throws BadInputException {
    Optional<BigFraction> value = Fractions.parse(text);
    if (value.isEmpty()) {
      throw new BadInputException(option + ": expected a number or a fraction such as 1/3, got '" + text + "'");
    }
    return value.get();
  }

  /** What was written, the mechanism's objective value and whether it meets the problem's constraints. */
  private String summary(Problem problem, BuiltMechanism built) {
    StringBuilder sb = new StringBuilder();
    sb.append(built.name()).append(": ").append(built.description()).append('\n');
    sb.append(ClassicCli.notes(built.notes()));
    CheckReport report = MechanismChecker.check(problem, built.mechanism(), CheckOptions.defaults());
    if (!problem.objective().isFeasibility()) {
      sb.append("objective of this mechanism: ").append(Numbers.exact(report.exactObjective())).append('\n');
    }
    long violated = report.verification().violationCount();
    sb.append(report.passed()
        ? "meets every constraint of the problem"
        : "violates " + violated + " constraint row" + (violated == 1 ? "" : "s") + " of the problem (largest "
            + Numbers.exact(report.verification().exactMaxViolation()) + ")");
    sb.append("; details: mechlp check ").append(Inputs.name(problemFile)).append(" --mechanism ").append(out)
        .append('\n');
    return sb.toString();
  }

  /** Every built-in and whether it applies to {@code problem}, with the reason when it does not. */
  private static String listing(Problem problem) {
    StringBuilder sb = new StringBuilder();
    sb.append("built-in mechanisms for ").append(problem.name()).append('\n');
    for (ClassicMechanism m : ClassicMechanisms.all()) {
      Optional<String> reason = problem.isDataDriven() && ClassicCli.dataDrivenVcg(m.name())
          ? Optional.empty()
          : m.applicability(problem);
      sb.append(String.format("  %-20s %s%n", m.name(), reason.isEmpty() ? "applies" : "does not apply"));
      sb.append("      ").append(reason.orElse(m.summary())).append('\n');
    }
    return sb.toString();
  }
}
