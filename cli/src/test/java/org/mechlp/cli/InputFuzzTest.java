package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Malformed and extreme inputs of every kind (problem files, valuation expressions, mechanism files, certificates),
 * run in-process through the command line. Whatever the input, mechlp must answer with exit code 0, 2, 3 or 4 (never
 * 1), name the file or the JSON path when it refuses the input (exit 2), print no stack trace, write no output file
 * when it fails, and finish within {@link #TIME_BOUND} of CPU time.
 *
 * <p>The number of inputs per property is jqwik's {@code jqwik.tries.default} (set for this module in
 * {@code junit-platform.properties}); raise it for a longer run:
 * {@code mvn -pl cli -am test -Dtest=InputFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Djqwik.tries.default=2000}.
 * The figures of a run (inputs tried, handled cleanly, slowest input) are printed at the end; README.md,
 * "Reliability", records them.
 */
class InputFuzzTest {
  /**
   * The most CPU time any single input may take. CPU time of the thread that runs the command (GLOP solves in it
   * too), not wall time, so that a loaded machine does not fail the suite.
   */
  static final Duration TIME_BOUND = Duration.ofSeconds(10);

  /** Wall time after which a run counts as hung (it would never finish). */
  static final Duration HANG_GUARD = Duration.ofSeconds(120);

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private static final AtomicInteger TRIED = new AtomicInteger();
  private static final AtomicInteger CLEAN = new AtomicInteger();
  private static final AtomicLong SLOWEST_NANOS = new AtomicLong();
  private static final int[] BY_EXIT = new int[5];

  private static Path dir;
  private static Path instances;
  private static Path certificateProblem;
  private static String certificate;

  @BeforeContainer
  static void setUp() throws IOException {
    dir = Files.createTempDirectory("mechlp-fuzz");
    instances = Path.of(CliRun.instance("myerson-two-bidders")).getParent();
    certificateProblem = instances.resolve("myerson-two-bidders.json");
    Path cert = dir.resolve("seed-cert.json");
    CliRun solved = CliRun.run("solve", certificateProblem.toString(), "--exact", "--certificate", cert.toString());
    assertThat(solved.exitCode()).as(solved.err()).isZero();
    certificate = Files.readString(cert);
  }

  @AfterContainer
  static void report() throws IOException {
    System.out.printf(Locale.ROOT,
        "InputFuzzTest: %d inputs tried, %d handled cleanly (exit 0: %d, 2: %d, 3: %d, 4: %d), slowest %.2f s"
            + " CPU, bound %d s%n",
        TRIED.get(), CLEAN.get(), BY_EXIT[0], BY_EXIT[2], BY_EXIT[3], BY_EXIT[4], SLOWEST_NANOS.get() / 1e9,
        TIME_BOUND.toSeconds());
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  // ---------------------------------------------------------------- properties

  @Property
  void malformedProblemFilesAreRefusedCleanly(
      @ForAll("seedProblems") String seed, @ForAll("mutations") List<Mutation> mutations) {
    byte[] bytes = Mutation.applyAll(seed.getBytes(StandardCharsets.UTF_8), mutations);
    Path problem = write("problem.json", bytes);
    CliRun validated = run(problem, null, "validate", problem.toString());
    if (validated.exitCode() == 0) {
      Path out = dir.resolve("out.json");
      run(problem, out, "solve", problem.toString(), "--time-limit", "5", "--out", out.toString());
    }
  }

  @Property
  void extremeExpressionsAreRefusedCleanly(@ForAll("expressions") String expression) {
    String json =
        """
        {"format": "mechlp/1",
         "agents": [
           {"name": "b1", "types": [{"name": "lo", "value": 1}, {"name": "hi", "value": 2}], "prior": ["1/2", "1/2"]},
           {"name": "b2", "types": [{"name": "lo", "value": 1}, {"name": "hi", "value": 3}], "prior": ["1/3", "2/3"]}
         ],
         "outcomes": ["none", "sold"],
         "valuations": {"b1": {"expression": {"sold": %s}}, "b2": {"expression": {"sold": "value"}}},
         "mechanism": {"ic": "expost", "ir": "expost"},
         "objective": "revenue"}
        """
            .formatted(JsonText.quote(expression));
    Path problem = write("expression.json", json.getBytes(StandardCharsets.UTF_8));
    CliRun validated = run(problem, null, "validate", problem.toString());
    if (validated.exitCode() == 2) {
      assertThat(validated.err()).as(expression).contains("valuations.b1.expression.sold");
    } else {
      assertThat(validated.exitCode()).as(expression).isZero();
      Path out = dir.resolve("out.json");
      run(problem, out, "solve", problem.toString(), "--time-limit", "5", "--out", out.toString());
    }
  }

  @Property
  void malformedMechanismFilesAreRefusedCleanly(@ForAll("mutations") List<Mutation> mutations) throws IOException {
    byte[] seed = Files.readAllBytes(instances.getParent().resolve("proposals").resolve("posted-price.json"));
    Path mechanism = write("mechanism.json", Mutation.applyAll(seed, mutations));
    Path out = dir.resolve("out.json");
    run(mechanism, out, "check", instances.resolve("bilateral-trade.json").toString(), "--mechanism",
        mechanism.toString(), "--out", out.toString());
  }

  @Property
  void malformedCertificatesAreRefusedCleanly(@ForAll("mutations") List<Mutation> mutations) {
    Path cert = write("cert.json", Mutation.applyAll(certificate.getBytes(StandardCharsets.UTF_8), mutations));
    run(cert, null, "verify-certificate", certificateProblem.toString(), cert.toString(), "--ignore-hash");
  }

  // ---------------------------------------------------------------- the checks every run must pass

  /**
   * Runs {@code args} within the time bound and checks the outcome; {@code input} is the file a refusal must name,
   * {@code out} the output file that must not exist after a failure (deleted afterwards).
   */
  private static CliRun run(Path input, Path out, String... args) {
    TRIED.incrementAndGet();
    long[] cpuNanos = new long[1];
    CliRun r =
        assertTimeoutPreemptively(
            HANG_GUARD,
            () -> {
              long start = THREADS.getCurrentThreadCpuTime();
              CliRun run = CliRun.run(args);
              cpuNanos[0] = THREADS.getCurrentThreadCpuTime() - start;
              return run;
            },
            () -> "hung: " + String.join(" ", args) + "\n" + preview(input));
    SLOWEST_NANOS.accumulateAndGet(cpuNanos[0], Math::max);
    assertThat(cpuNanos[0]).as("CPU time of " + String.join(" ", args)).isLessThan(TIME_BOUND.toNanos());
    String all = r.out() + r.err();
    String what = String.join(" ", args) + "\n" + preview(input) + "\n" + r.err();
    assertThat(r.exitCode()).as(what).isIn(0, 2, 3, 4);
    assertThat(all).as(what).doesNotContain("\tat ", "Exception", "unexpected error", "Error:");
    if (r.exitCode() == 2) {
      assertThat(r.err()).as(what).contains(input.toString());
    }
    if (out != null) {
      if (r.exitCode() == 2) {
        assertThat(out).as(what).doesNotExist();
      }
      if (r.exitCode() == 4 && Files.exists(out)) {
        // A failed solve may leave its report, which must say it failed rather than give an answer.
        assertThat(read(out)).as(what).containsAnyOf("NUMERICAL_FAILURE", "TIME_LIMIT").doesNotContain("OPTIMAL");
      }
      out.toFile().delete();
    }
    BY_EXIT[r.exitCode()]++;
    CLEAN.incrementAndGet();
    return r;
  }

  private static String preview(Path input) {
    try {
      String text = new String(Files.readAllBytes(input), StandardCharsets.ISO_8859_1);
      return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    } catch (IOException e) {
      return "(unreadable)";
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path write(String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- generators

  @Provide
  Arbitrary<String> seedProblems() {
    List<String> texts = new ArrayList<>();
    for (String name :
        List.of("myerson-two-bidders", "bilateral-trade", "cremer-mclean", "public-project-pivot",
            "calibrated-example-a", "lottery-two-items")) {
      try {
        texts.add(Files.readString(instances.resolve(name + ".json")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Arbitraries.of(texts);
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    return Mutation.arbitrary().list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<String> expressions() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Expressions.tree(4)),
        net.jqwik.api.Tuple.of(1, Expressions.longSum()),
        net.jqwik.api.Tuple.of(1, Expressions.nestedIfs()),
        net.jqwik.api.Tuple.of(1, Expressions.prefixChain()),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(40)));
  }

  /** Random expression text: valid grammar over extreme operands, unknown names and refused functions. */
  static final class Expressions {
    private static final List<String> NUMBERS =
        List.of("0", "1", "2", "0.5", "10", "1e100", "1e101", "1e-100", "1e-101", "1e999999999", "1e-999999999",
            "99999999999999999999999999999999999999", "0.000000000000000000001", "3", "1000000000", "0x10");
    private static final List<String> VARIABLES =
        List.of("value", "self.value", "other.value", "b1.value", "b2.value", "state.q", "x", "VALUE", "b3.value");
    private static final List<String> FUNCTIONS =
        List.of("ABS", "MAX", "MIN", "SQRT", "LOG", "LOG10", "FACT", "ROUND", "FLOOR", "CEILING", "SUM", "AVERAGE",
            "RANDOM", "SIN", "DT_NOW", "STR_UPPER", "COALESCE", "NOT");
    private static final List<String> OPERATORS = List.of("+", "-", "*", "/", "^", "%", "<", ">=", "==", "&&");

    static Arbitrary<String> tree(int depth) {
      Arbitrary<String> leaf = Arbitraries.frequencyOf(
          net.jqwik.api.Tuple.of(3, Arbitraries.of(NUMBERS)), net.jqwik.api.Tuple.of(3, Arbitraries.of(VARIABLES)));
      if (depth == 0) {
        return leaf;
      }
      Arbitrary<String> sub = Arbitraries.lazy(() -> tree(depth - 1));
      Arbitrary<String> binary =
          Combinators.combine(sub, Arbitraries.of(OPERATORS), sub).as((a, op, b) -> "(" + a + ")" + op + "(" + b + ")");
      Arbitrary<String> call =
          Combinators.combine(Arbitraries.of(FUNCTIONS), sub.list().ofMaxSize(3))
              .as((f, params) -> f + "(" + String.join(", ", params) + ")");
      Arbitrary<String> conditional =
          Combinators.combine(sub, sub, sub).as((c, a, b) -> "IF(" + c + " > 1, " + a + ", " + b + ")");
      Arbitrary<String> power =
          Combinators.combine(sub, sub, sub).as((a, b, c) -> a + "^" + b + "^" + c);
      return Arbitraries.frequencyOf(
          net.jqwik.api.Tuple.of(2, leaf), net.jqwik.api.Tuple.of(3, binary), net.jqwik.api.Tuple.of(2, call),
          net.jqwik.api.Tuple.of(1, conditional), net.jqwik.api.Tuple.of(1, power));
    }

    /** Sums of 1 to 3,000 terms (3,000 overflowed EvalEx's stack). */
    static Arbitrary<String> longSum() {
      return Arbitraries.integers().between(1, 3000).map(n -> "value" + "+1".repeat(n - 1));
    }

    /** 1 to 2,500 nested IFs (2,000 overflowed EvalEx's stack). */
    static Arbitrary<String> nestedIfs() {
      return Arbitraries.integers().between(1, 2500)
          .map(n -> "IF(value > 1, ".repeat(n) + "value" + ", 0)".repeat(n));
    }

    /** Chains of up to 1,000 prefix minuses. */
    static Arbitrary<String> prefixChain() {
      return Arbitraries.integers().between(1, 1000).map(n -> "-".repeat(n) + "value");
    }
  }

  /** JSON string quoting for the generated expressions (which may hold any character). */
  static final class JsonText {
    static String quote(String s) {
      StringBuilder b = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        if (c == '"' || c == '\\') {
          b.append('\\').append(c);
        } else if (c < 0x20) {
          b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        } else {
          b.append(c);
        }
      }
      return b.append('"').toString();
    }
  }

  /**
   * One edit of a file's bytes, at a position given as a fraction of the file (so it applies to any file): remove
   * or insert text, replace a number or a string with an extreme one, duplicate a field, cut the file short, nest
   * it deeply, or insert bytes that are not UTF-8.
   */
  record Mutation(Kind kind, double where, String payload) {
    enum Kind { DELETE, INSERT, REPLACE_NUMBER, REPLACE_STRING, DUPLICATE_KEY, TRUNCATE, NEST, BAD_BYTES }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    // Possessive and unrolled, so that a 4,000-character string does not overflow the regex engine's stack.
    private static final Pattern STRING = Pattern.compile("\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"");
    private static final Pattern KEY = Pattern.compile("\"[A-Za-z]+\"\\s*:\\s*(\"[^\"]*\"|-?[0-9.]+|true|false)");

    static final List<String> PAYLOADS =
        List.of("1e999999999", "-1e999999999", "1e-999999999", "1e308", "1e400", "-0", "NaN", "\"Infinity\"",
            "\"1/0\"", "\"1e99999999\"", "\"1e999999999\"", "\"" + "9".repeat(4000) + "\"", "-1", "\"1/3\"",
            "2147483648", "\"-1/3\"", "1.00000000000000000000000000000000001", "\"\"", "\"\\u0000\"", "\"\\u202e\"",
            "\"x\\u001b[31m\"", "\"" + "a".repeat(4000) + "\"", "\"RANDOM()\"", "\"value ^ 10 ^ 10\"", "{}", "[]",
            "null", "true", "{", "}", "[", "]", ",", ":", "\"", "// c", "/* c */", "'x'", "\"\\ud800\"",
            "[" + "1,".repeat(100) + "1]", "\"value/0\"", "\"FACT(1000000000)\"");

    static Arbitrary<Mutation> arbitrary() {
      return Combinators.combine(
              Arbitraries.of(Kind.class), Arbitraries.doubles().between(0, 1), Arbitraries.of(PAYLOADS))
          .as(Mutation::new);
    }

    static byte[] applyAll(byte[] seed, List<Mutation> mutations) {
      byte[] bytes = seed;
      for (Mutation m : mutations) {
        bytes = m.apply(bytes);
      }
      return bytes;
    }

    byte[] apply(byte[] bytes) {
      if (kind == Kind.BAD_BYTES) {
        int at = (int) (where * bytes.length);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0x80, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 0};
        int take = 1 + (int) (where * 1000) % bad.length;
        byte[] out = new byte[bytes.length + take];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, take);
        System.arraycopy(bytes, at, out, at + take, bytes.length - at);
        return out;
      }
      // Text edits work on the Latin-1 view, which maps every byte to one char and back unchanged.
      String s = new String(bytes, StandardCharsets.ISO_8859_1);
      String p = new String(payload.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
      int at = (int) (where * s.length());
      String edited =
          switch (kind) {
            case DELETE -> s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + (int) (where * 97) % 40));
            case INSERT -> s.substring(0, at) + p + s.substring(at);
            case REPLACE_NUMBER -> replaceMatch(s, NUMBER, p);
            case REPLACE_STRING -> replaceMatch(s, STRING, p);
            case DUPLICATE_KEY -> duplicateKey(s);
            case TRUNCATE -> s.substring(0, at);
            case NEST -> "[".repeat(1 + (int) (where * 3000)) + s + "]".repeat(1 + (int) (where * 3000));
            case BAD_BYTES -> s;
          };
      return edited.getBytes(StandardCharsets.ISO_8859_1);
    }

    private String replaceMatch(String s, Pattern pattern, String replacement) {
      List<int[]> spans = new ArrayList<>();
      Matcher m = pattern.matcher(s);
      while (m.find()) {
        spans.add(new int[] {m.start(), m.end()});
      }
      if (spans.isEmpty()) {
        return s;
      }
      int[] span = spans.get(Math.min(spans.size() - 1, (int) (where * spans.size())));
      return s.substring(0, span[0]) + replacement + s.substring(span[1]);
    }

    private String duplicateKey(String s) {
      List<int[]> spans = new ArrayList<>();
      Matcher m = KEY.matcher(s);
      while (m.find()) {
        spans.add(new int[] {m.start(), m.end()});
      }
      if (spans.isEmpty()) {
        return s;
      }
      int[] span = spans.get(Math.min(spans.size() - 1, (int) (where * spans.size())));
      return s.substring(0, span[1]) + ", " + s.substring(span[0], span[1]) + s.substring(span[1]);
    }
  }
}
