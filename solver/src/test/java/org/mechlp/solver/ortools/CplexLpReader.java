package org.mechlp.solver.ortools;

import com.google.ortools.modelbuilder.LinearExpr;
import com.google.ortools.modelbuilder.LinearExprBuilder;
import com.google.ortools.modelbuilder.ModelBuilder;
import com.google.ortools.modelbuilder.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the subset of the CPLEX LP format that mechlp writes into an OR-Tools model, for round-trip tests
 * (OR-Tools' own LP importer reads a different, OR-Tools-specific syntax). Written from the format's description
 * (sections Maximize/Minimize, Subject To, Bounds, General, End; "\" comments; default bounds [0, +inf)), not from
 * mechlp's writer, and strict: anything unexpected fails the test.
 */
final class CplexLpReader {
  private record Term(double coefficient, String column) {}

  private record Constraint(List<Term> terms, String sense, double rhs) {}

  private CplexLpReader() {}

  static ModelBuilder read(String text) {
    Map<String, List<String>> sections = new LinkedHashMap<>();
    String section = null;
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("\\")) {
        continue;
      }
      if (List.of("Maximize", "Minimize", "Subject To", "Bounds", "General", "End").contains(line)) {
        section = line;
        sections.put(section, new ArrayList<>());
        continue;
      }
      if (section == null) {
        throw new IllegalArgumentException("text before the first section: " + line);
      }
      sections.get(section).add(line);
    }
    if (!sections.containsKey("End")) {
      throw new IllegalArgumentException("no End");
    }
    boolean maximize = sections.containsKey("Maximize");
    List<String> objectiveTokens = tokens(sections.get(maximize ? "Maximize" : "Minimize"));
    if (!objectiveTokens.get(0).endsWith(":")) {
      throw new IllegalArgumentException("objective without a name");
    }
    List<Term> objective = terms(objectiveTokens.subList(1, objectiveTokens.size()));
    List<Constraint> constraints = new ArrayList<>();
    List<String> rowTokens = tokens(sections.getOrDefault("Subject To", List.of()));
    int start = 0;
    for (int i = 1; i <= rowTokens.size(); i++) {
      if (i == rowTokens.size() || rowTokens.get(i).endsWith(":")) {
        List<String> row = rowTokens.subList(start + 1, i);
        int n = row.size();
        constraints.add(
            new Constraint(terms(row.subList(0, n - 2)), row.get(n - 2), Double.parseDouble(row.get(n - 1))));
        start = i;
      }
    }
    Map<String, double[]> bounds = new LinkedHashMap<>();
    for (Term t : objective) {
      bounds.putIfAbsent(t.column(), new double[] {0, Double.POSITIVE_INFINITY});
    }
    for (Constraint c : constraints) {
      for (Term t : c.terms()) {
        bounds.putIfAbsent(t.column(), new double[] {0, Double.POSITIVE_INFINITY});
      }
    }
    for (String line : sections.getOrDefault("Bounds", List.of())) {
      String[] f = line.split("\\s+");
      if (f.length == 2 && f[1].equals("free")) {
        bounds.put(f[0], new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
      } else if (f.length == 3 && f[1].equals("=")) {
        bounds.put(f[0], new double[] {number(f[2]), number(f[2])});
      } else if (f.length == 3 && f[1].equals(">=")) {
        bounds.put(f[0], new double[] {number(f[2]), Double.POSITIVE_INFINITY});
      } else if (f.length == 5 && f[1].equals("<=") && f[3].equals("<=")) {
        bounds.put(f[2], new double[] {number(f[0]), number(f[4])});
      } else {
        throw new IllegalArgumentException("bound line not understood: " + line);
      }
    }
    List<String> integers = tokens(sections.getOrDefault("General", List.of()));
    ModelBuilder model = new ModelBuilder();
    Map<String, Variable> variables = new LinkedHashMap<>();
    bounds.forEach(
        (name, b) ->
            variables.put(
                name,
                integers.contains(name) ? model.newIntVar(b[0], b[1], name) : model.newNumVar(b[0], b[1], name)));
    LinearExprBuilder objectiveExpr = LinearExpr.newBuilder();
    for (Term t : objective) {
      objectiveExpr.addTerm(variables.get(t.column()), t.coefficient());
    }
    if (maximize) {
      model.maximize(objectiveExpr);
    } else {
      model.minimize(objectiveExpr);
    }
    for (Constraint c : constraints) {
      LinearExprBuilder lhs = LinearExpr.newBuilder();
      for (Term t : c.terms()) {
        lhs.addTerm(variables.get(t.column()), t.coefficient());
      }
      switch (c.sense()) {
        case "<=" -> model.addLessOrEqual(lhs, c.rhs());
        case ">=" -> model.addGreaterOrEqual(lhs, c.rhs());
        case "=" -> model.addEquality(lhs, c.rhs());
        default -> throw new IllegalArgumentException("sense not understood: " + c.sense());
      }
    }
    return model;
  }

  private static List<String> tokens(List<String> lines) {
    List<String> tokens = new ArrayList<>();
    for (String line : lines) {
      tokens.addAll(Arrays.asList(line.strip().split("\\s+")));
    }
    return tokens;
  }

  /** Terms written as "+ c name" or "- c name". */
  private static List<Term> terms(List<String> tokens) {
    if (tokens.size() % 3 != 0) {
      throw new IllegalArgumentException("terms not in threes (sign, number, name): " + tokens);
    }
    List<Term> terms = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i += 3) {
      double sign =
          switch (tokens.get(i)) {
            case "+" -> 1;
            case "-" -> -1;
            default -> throw new IllegalArgumentException("expected + or -, got " + tokens.get(i));
          };
      terms.add(new Term(sign * Double.parseDouble(tokens.get(i + 1)), tokens.get(i + 2)));
    }
    return terms;
  }

  private static double number(String s) {
    return switch (s) {
      case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
      case "+inf", "inf", "infinity" -> Double.POSITIVE_INFINITY;
      default -> Double.parseDouble(s);
    };
  }
}
