package org.mechlp.model.json;

import com.ezylang.evalex.BaseException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.config.FunctionDictionaryIfc;
import com.ezylang.evalex.config.MapBasedFunctionDictionary;
import com.ezylang.evalex.config.MapBasedOperatorDictionary;
import com.ezylang.evalex.config.OperatorDictionaryIfc;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.operators.OperatorIfc;
import com.ezylang.evalex.parser.ASTNode;
import com.ezylang.evalex.parser.Token;
import com.ezylang.evalex.parser.Token.TokenType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Agent;
import org.mechlp.model.AgentType;
import org.mechlp.model.State;

/**
 * Valuation expressions (EvalEx 3.5.0, BigDecimal arithmetic with 68 significant digits): static checking of the
 * variables they use, and exact evaluation at a type profile and state.
 *
 * <p>Variables: the owner's own type attributes by name ({@code value}) or as {@code self.<attr>}, any agent's as
 * {@code <agent>.<attr>}, {@code other.<attr>} with exactly two agents, and {@code state.<attr>} when the problem
 * declares states. EvalEx looks variables up case-insensitively, so these names must not clash when case is ignored.
 */
final class Expressions {
  static final String SELF = "self";
  static final String OTHER = "other";
  static final String STATE = "state";

  private static final ExpressionConfiguration CONFIG =
      ExpressionConfiguration.builder()
          .mathContext(new MathContext(Rationals.PRECISION))
          // No built-in constants (PI, E, TRUE, ...): they would shadow attributes such as "e".
          .defaultConstants(Map.of())
          .arraysAllowed(false)
          .operatorDictionary(boundedOperators())
          .functionDictionary(allowedFunctions())
          .build();

  /** EvalEx's operators, each with its results bounded (ExpressionLimits) and {@code ^} estimated first. */
  private static OperatorDictionaryIfc boundedOperators() {
    OperatorDictionaryIfc all = ExpressionConfiguration.defaultConfiguration().getOperatorDictionary();
    OperatorDictionaryIfc bounded = new MapBasedOperatorDictionary();
    for (String symbol : List.of("+", "-", "*", "/", "%", "^", "=", "==", "!=", "<>", ">", ">=", "<", "<=", "&&",
        "||", "!")) {
      OperatorIfc infix = all.getInfixOperator(symbol);
      if (infix != null) {
        bounded.addOperator(symbol, symbol.equals("^") ? BoundedPower.of(infix) : new BoundedOperator(infix));
      }
      OperatorIfc prefix = all.getPrefixOperator(symbol);
      if (prefix != null) {
        bounded.addOperator(symbol, new BoundedOperator(prefix));
      }
    }
    return bounded;
  }

  /** Only the allow-listed functions (ExpressionLimits.FUNCTIONS), each with its results bounded. */
  private static FunctionDictionaryIfc allowedFunctions() {
    FunctionDictionaryIfc all = ExpressionConfiguration.defaultConfiguration().getFunctionDictionary();
    FunctionDictionaryIfc allowed = new MapBasedFunctionDictionary();
    for (String name : ExpressionLimits.FUNCTIONS) {
      allowed.addFunction(name, new BoundedFunction(name, all.getFunction(name)));
    }
    return allowed;
  }

  /** What an expression may refer to. */
  record Scope(List<Agent> agents, int owner, List<State> states, boolean statesGiven) {
    /** The agent index a structure name denotes, or -1 (for {@code state} and unknown names). */
    int agentOf(String struct) {
      if (owner >= 0 && struct.equals(SELF)) {
        return owner;
      }
      if (owner >= 0 && struct.equals(OTHER) && agents.size() == 2) {
        return 1 - owner;
      }
      for (int i = 0; i < agents.size(); i++) {
        if (agents.get(i).name().equals(struct)) {
          return i;
        }
      }
      return -1;
    }

    /** Every variable name an expression may use, for hints. */
    String known() {
      Set<String> names = new LinkedHashSet<>();
      if (owner >= 0) {
        for (AgentType t : agents.get(owner).types()) {
          names.addAll(t.attributes().keySet().stream().sorted().toList());
        }
        names.add(SELF + ".<attr>");
        if (agents.size() == 2) {
          names.add(OTHER + ".<attr>");
        }
      }
      for (Agent a : agents) {
        names.add(a.name() + ".<attr>");
      }
      if (statesGiven) {
        names.add(STATE + ".<attr>");
      }
      return String.join(", ", names);
    }
  }

  /** A checked expression, ready to evaluate. */
  static final class Compiled {
    private final Expression expression;
    private final Scope scope;
    private final Set<String> bareAttributes;
    private final Set<Integer> agentsUsed;
    private final boolean usesState;

    private Compiled(
        Expression expression,
        Scope scope,
        Set<String> bareAttributes,
        Set<Integer> agentsUsed,
        boolean usesState) {
      this.expression = expression;
      this.scope = scope;
      this.bareAttributes = bareAttributes;
      this.agentsUsed = agentsUsed;
      this.usesState = usesState;
    }

    /** True when the value depends on some agent's type other than the owner's (for the designer: any agent's). */
    boolean usesOtherTypes() {
      return agentsUsed.stream().anyMatch(i -> i != scope.owner());
    }

    /** True when the value depends on the state. */
    boolean usesState() {
      return usesState;
    }

    /**
     * The exact value at the true type profile {@code types} and {@code state}.
     *
     * @throws IllegalArgumentException with EvalEx's message when evaluation fails or gives no number
     */
    BigFraction evaluate(int[] types, int state) {
      Map<String, Object> values = new HashMap<>();
      if (scope.owner() >= 0) {
        AgentType own = scope.agents().get(scope.owner()).types().get(types[scope.owner()]);
        for (String attr : bareAttributes) {
          values.put(attr, decimal(own.attribute(attr)));
        }
        values.put(SELF, attributes(own.attributes()));
        if (scope.agents().size() == 2) {
          int other = 1 - scope.owner();
          values.put(OTHER, attributes(typeOf(other, types).attributes()));
        }
      }
      for (int i : agentsUsed) {
        values.put(scope.agents().get(i).name(), attributes(typeOf(i, types).attributes()));
      }
      if (usesState) {
        values.put(STATE, attributes(scope.states().get(state).attributes()));
      }
      try {
        EvaluationValue result = expression.withValues(values).evaluate();
        if (!result.isNumberValue()) {
          throw new IllegalArgumentException("gives " + JsonInput.echo(String.valueOf(result.getValue()))
              + ", not a number");
        }
        if (!ExpressionLimits.inRange(result.getNumberValue())) {
          throw new IllegalArgumentException(ExpressionLimits.outOfRange("the result"));
        }
        return Rationals.fromComputed(result.getNumberValue());
      } catch (BaseException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      } catch (ArithmeticException | NumberFormatException e) {
        // The guards leave little for these; what remains (such as LOG of a negative number) is a plain failure.
        throw new IllegalArgumentException(plainMessage(e), e);
      }
    }

    private AgentType typeOf(int agent, int[] types) {
      return scope.agents().get(agent).types().get(types[agent]);
    }
  }

  private Expressions() {}

  /**
   * Parses and checks {@code text}, reporting problems at {@code path}.
   *
   * @return the compiled expression, or null when it had issues
   */
  static Compiled compile(String text, String path, Scope scope, Issues issues) {
    if (text.length() > ExpressionLimits.MAX_LENGTH) {
      issues.add(path, "the expression " + JsonInput.quote(text) + " is longer than "
          + ExpressionLimits.MAX_LENGTH + " characters", "split the valuation into outcomes or use a table");
      return null;
    }
    Expression expression = new Expression(text, CONFIG);
    List<ASTNode> nodes;
    try {
      expression.validate();
      nodes = List.of(expression.getAbstractSyntaxTree());
    } catch (BaseException e) {
      issues.add(path, "cannot parse " + JsonInput.quote(text) + ": " + parseMessage(e));
      return null;
    } catch (RuntimeException e) {
      // EvalEx throws unchecked exceptions for some malformed input (a bad number literal, for one).
      issues.add(path, "cannot parse " + JsonInput.quote(text) + ": " + plainMessage(e));
      return null;
    }
    int before = issues.count();
    if (!withinLimits(nodes.get(0), text, path, issues)) {
      return null;
    }
    Set<String> bare = new LinkedHashSet<>();
    Set<Integer> agentsUsed = new LinkedHashSet<>();
    boolean[] usesState = {false};
    for (ASTNode root : nodes) {
      walk(root, path, scope, issues, bare, agentsUsed, usesState);
    }
    if (issues.count() > before) {
      return null;
    }
    return new Compiled(expression, scope, bare, agentsUsed, usesState[0]);
  }

  /**
   * Checks the tree's depth, its number literals and its function names iteratively (a deep tree must not overflow
   * the stack here either), reporting the first problem.
   */
  private static boolean withinLimits(ASTNode root, String text, String path, Issues issues) {
    Deque<ASTNode> nodes = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    nodes.push(root);
    depths.push(1);
    while (!nodes.isEmpty()) {
      ASTNode node = nodes.pop();
      int depth = depths.pop();
      if (depth > ExpressionLimits.MAX_DEPTH) {
        issues.add(path, "the expression nests deeper than " + ExpressionLimits.MAX_DEPTH
            + " levels (a sum of n terms or n nested IFs is n levels)", "use a table of values instead");
        return false;
      }
      Token token = node.getToken();
      if (token.getType() == TokenType.NUMBER_LITERAL && !literalInRange(token.getValue())) {
        issues.add(path, "the number " + JsonInput.quote(token.getValue()) + " in "
            + JsonInput.quote(text) + ExpressionLimits.outOfRange(""));
        return false;
      }
      for (ASTNode child : node.getParameters()) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
    return true;
  }

  private static boolean literalInRange(String literal) {
    try {
      return ExpressionLimits.inRange(new BigDecimal(literal));
    } catch (NumberFormatException e) {
      // Hexadecimal and other literal forms EvalEx accepts are checked as results instead.
      return true;
    }
  }

  /** EvalEx's parse message, with an unknown function explained by the allow-list. */
  private static String parseMessage(BaseException e) {
    String message = e.getMessage();
    if (message != null && message.startsWith("Undefined function")) {
      return message + "; expressions may call only " + String.join(", ", ExpressionLimits.FUNCTIONS)
          + " (deterministic arithmetic: the same file must always give the same numbers)";
    }
    return message;
  }

  /** A message for an unchecked arithmetic failure, without Java's internals. */
  private static String plainMessage(RuntimeException e) {
    if (e instanceof NumberFormatException) {
      return "a value cannot be computed as a number";
    }
    return e.getMessage() == null ? "the arithmetic fails" : e.getMessage();
  }

  private static void walk(
      ASTNode node,
      String path,
      Scope scope,
      Issues issues,
      Set<String> bare,
      Set<Integer> agentsUsed,
      boolean[] usesState) {
    TokenType type = node.getToken().getType();
    if (type == TokenType.STRUCTURE_SEPARATOR) {
      ASTNode left = node.getParameters().get(0);
      ASTNode right = node.getParameters().get(1);
      if (left.getToken().getType() != TokenType.VARIABLE_OR_CONSTANT
          || right.getToken().getType() != TokenType.VARIABLE_OR_CONSTANT) {
        issues.add(path, "only <name>.<attribute> is supported, not " + describe(node));
        return;
      }
      checkAttribute(left.getToken().getValue(), right.getToken().getValue(), path, scope, issues, agentsUsed,
          usesState);
      return;
    }
    if (type == TokenType.VARIABLE_OR_CONSTANT) {
      checkBare(node.getToken().getValue(), path, scope, issues, bare);
      return;
    }
    for (ASTNode child : node.getParameters()) {
      walk(child, path, scope, issues, bare, agentsUsed, usesState);
    }
  }

  private static String describe(ASTNode node) {
    return JsonInput.quote(node.getParameters().get(0).getToken().getValue() + "."
        + node.getParameters().get(1).getToken().getValue());
  }

  private static void checkBare(String name, String path, Scope scope, Issues issues, Set<String> bare) {
    if (scope.owner() < 0) {
      issues.add(path, "unknown variable " + JsonInput.quote(name), "known variables: " + scope.known());
      return;
    }
    Agent owner = scope.agents().get(scope.owner());
    boolean anywhere = owner.types().stream().anyMatch(t -> t.attributes().containsKey(name));
    if (!anywhere || isStructure(name, scope)) {
      issues.add(path, "unknown variable " + JsonInput.quote(name), "known variables: " + scope.known());
      return;
    }
    for (AgentType t : owner.types()) {
      if (!t.attributes().containsKey(name)) {
        issues.add(path, "type " + JsonInput.quote(t.name()) + " of agent " + owner.name()
            + " has no attribute " + JsonInput.quote(name));
      }
    }
    bare.add(name);
  }

  private static boolean isStructure(String name, Scope scope) {
    if (name.equalsIgnoreCase(SELF) || name.equalsIgnoreCase(OTHER) || name.equalsIgnoreCase(STATE)) {
      return true;
    }
    return scope.agents().stream().anyMatch(a -> a.name().equalsIgnoreCase(name));
  }

  private static void checkAttribute(
      String struct,
      String attr,
      String path,
      Scope scope,
      Issues issues,
      Set<Integer> agentsUsed,
      boolean[] usesState) {
    if (struct.equals(STATE)) {
      if (!scope.statesGiven()) {
        issues.add(path, "uses " + JsonInput.quote(struct + "." + attr) + " but the problem declares no states");
        return;
      }
      for (State s : scope.states()) {
        if (!s.attributes().containsKey(attr)) {
          issues.add(path, "state " + JsonInput.quote(s.name()) + " has no attribute " + JsonInput.quote(attr));
        }
      }
      usesState[0] = true;
      return;
    }
    int agent = scope.agentOf(struct);
    if (agent < 0) {
      issues.add(path, "unknown variable " + JsonInput.quote(struct), "known variables: " + scope.known());
      return;
    }
    Agent a = scope.agents().get(agent);
    for (AgentType t : a.types()) {
      if (!t.attributes().containsKey(attr)) {
        issues.add(path, "type " + JsonInput.quote(t.name()) + " of agent " + a.name() + " has no attribute "
            + JsonInput.quote(attr) + " (used as " + struct + "." + attr + ")");
      }
    }
    agentsUsed.add(agent);
  }

  private static Map<String, Object> attributes(Map<String, BigFraction> attrs) {
    Map<String, Object> m = new HashMap<>();
    attrs.forEach((k, v) -> m.put(k, decimal(v)));
    return m;
  }

  private static BigDecimal decimal(BigFraction f) {
    BigDecimal num = new BigDecimal(f.getNumerator());
    BigDecimal den = new BigDecimal(f.getDenominator());
    try {
      return num.divide(den);
    } catch (ArithmeticException repeating) {
      // A non-terminating attribute such as 1/3 enters at the evaluation precision.
      return num.divide(den, new MathContext(Rationals.PRECISION));
    }
  }
}
