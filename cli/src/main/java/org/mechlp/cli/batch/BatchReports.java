package org.mechlp.cli.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.mechlp.cli.render.Numbers;
import org.mechlp.solver.certify.Ratios;

/** The reports of a batch run: a line per problem, a summary table, JSON Lines or CSV, and JUnit XML. */
public final class BatchReports {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BatchReports() {}

  /** One line for the terminal: verdict, name, status, objective, rows, time and what differed. */
  public static String line(BatchResult r) {
    return String.format(
        Locale.ROOT,
        "%-8s %s: %s%s%s, %d rows, %s ms%s",
        r.verdict(),
        r.name(),
        r.status() == null ? "-" : r.status(),
        r.objective() == null ? "" : " " + Numbers.format(r.objective()),
        certification(r),
        r.rows(),
        Numbers.millis(r.nanos()),
        r.detail().isEmpty() ? "" : " (" + r.detail() + ")");
  }

  /** With {@code --exact}: ", CERTIFIED 64/25", ", CERTIFIED" (infeasibility) or ", NOT CERTIFIED"; else empty. */
  private static String certification(BatchResult r) {
    if (r.certification() == null) {
      return "";
    }
    if (!BatchResult.CERTIFIED.equals(r.certification())) {
      return ", NOT CERTIFIED";
    }
    return ", CERTIFIED" + (r.exactObjective() == null ? "" : " " + Ratios.ratio(r.exactObjective()));
  }

  /** Whether any result comes from {@code --exact} (then the summaries carry the certification columns). */
  private static boolean exact(List<BatchResult> results) {
    return results.stream().anyMatch(r -> r.certification() != null);
  }

  /** The number of problems per verdict, one line. */
  public static String counts(List<BatchResult> results) {
    int[] counts = new int[BatchResult.Verdict.values().length];
    for (BatchResult r : results) {
      counts[r.verdict().ordinal()]++;
    }
    return String.format(
        Locale.ROOT,
        "%d problems: %d ok, %d mismatched, %d invalid, %d failed%s%n",
        results.size(),
        counts[BatchResult.Verdict.OK.ordinal()],
        counts[BatchResult.Verdict.MISMATCH.ordinal()],
        counts[BatchResult.Verdict.INVALID.ordinal()],
        counts[BatchResult.Verdict.FAILED.ordinal()],
        counts[BatchResult.Verdict.NOT_RUN.ordinal()] == 0
            ? ""
            : ", " + counts[BatchResult.Verdict.NOT_RUN.ordinal()] + " not run (incomplete)");
  }

  /**
   * One JSON object per line ({@code format}, file, problem, verdict, status, objective, rows, ms, detail; with
   * {@code --exact} also certification and exactObjective, a fraction string).
   */
  public static String jsonLines(List<BatchResult> results) {
    StringBuilder sb = new StringBuilder();
    for (BatchResult r : results) {
      ObjectNode o = JSON.createObjectNode();
      o.put("format", "mechlp-batch/1");
      o.put("file", r.file().toString());
      o.put("problem", r.name());
      o.put("verdict", r.verdict().name());
      o.put("status", r.status());
      if (r.objective() == null) {
        o.putNull("objective");
      } else {
        o.put("objective", r.objective());
      }
      o.put("rows", r.rows());
      if (Double.isNaN(r.maxViolation())) {
        o.putNull("maxViolation");
      } else {
        o.put("maxViolation", r.maxViolation());
      }
      o.put("ms", Numbers.millisValue(r.nanos()));
      o.put("detail", r.detail());
      if (r.certification() != null) {
        o.put("certification", r.certification());
        o.put("exactObjective", r.exactObjective() == null ? null : Ratios.ratio(r.exactObjective()));
      }
      sb.append(o).append('\n');
    }
    return sb.toString();
  }

  /** The same columns as CSV (RFC 4180 quoting); {@code --exact} adds certification and exact_objective last. */
  public static String csv(List<BatchResult> results) {
    boolean exact = exact(results);
    StringBuilder sb = new StringBuilder("file,problem,verdict,status,objective,rows,max_violation,ms,detail");
    sb.append(exact ? ",certification,exact_objective\n" : "\n");
    for (BatchResult r : results) {
      sb.append(quote(r.file().toString())).append(',')
          .append(quote(r.name())).append(',')
          .append(r.verdict()).append(',')
          .append(r.status() == null ? "" : r.status()).append(',')
          .append(r.objective() == null ? "" : Double.toString(r.objective())).append(',')
          .append(r.rows()).append(',')
          .append(Double.isNaN(r.maxViolation()) ? "" : Double.toString(r.maxViolation())).append(',')
          .append(Numbers.millisValue(r.nanos())).append(',')
          .append(quote(r.detail()));
      if (exact) {
        sb.append(',').append(r.certification() == null ? "" : r.certification())
            .append(',').append(r.exactObjective() == null ? "" : Ratios.ratio(r.exactObjective()));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  /**
   * A JUnit XML report (the format Jenkins, GitLab and GitHub Actions display): one test case per problem; a
   * mismatch is a failure, bad input and solver failures are errors.
   */
  public static String junit(List<BatchResult> results) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      long failures = results.stream().filter(r -> r.verdict() == BatchResult.Verdict.MISMATCH).count();
      long errors =
          results.stream()
              .filter(r -> r.verdict() == BatchResult.Verdict.INVALID || r.verdict() == BatchResult.Verdict.FAILED)
              .count();
      double seconds = results.stream().mapToLong(BatchResult::nanos).sum() / 1e9;
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", "mechlp");
      xml.writeAttribute("tests", Integer.toString(results.size()));
      xml.writeAttribute("failures", Long.toString(failures));
      xml.writeAttribute("errors", Long.toString(errors));
      long skipped = results.stream().filter(r -> r.verdict() == BatchResult.Verdict.NOT_RUN).count();
      xml.writeAttribute("skipped", Long.toString(skipped));
      xml.writeAttribute("time", String.format(Locale.ROOT, "%.3f", seconds));
      xml.writeCharacters("\n");
      for (BatchResult r : results) {
        xml.writeCharacters("  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "mechlp.batch");
        xml.writeAttribute("name", r.name());
        xml.writeAttribute("file", r.file().toString());
        xml.writeAttribute("time", String.format(Locale.ROOT, "%.3f", r.nanos() / 1e9));
        if (r.certification() != null) {
          properties(xml, r);
        }
        switch (r.verdict()) {
          case MISMATCH -> element(xml, "failure", r);
          case INVALID, FAILED -> element(xml, "error", r);
          case NOT_RUN -> {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", r.detail());
          }
          case OK -> {
            // A passing test case has no child.
          }
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
      }
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the JUnit report", e);
    }
    return out.toString();
  }

  /** With {@code --exact}: the certification and the certified value as test case properties. */
  private static void properties(XMLStreamWriter xml, BatchResult r) throws XMLStreamException {
    xml.writeStartElement("properties");
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", "certification");
    xml.writeAttribute("value", r.certification());
    if (r.exactObjective() != null) {
      xml.writeEmptyElement("property");
      xml.writeAttribute("name", "exactObjective");
      xml.writeAttribute("value", Ratios.ratio(r.exactObjective()));
    }
    xml.writeEndElement();
  }

  private static void element(XMLStreamWriter xml, String kind, BatchResult r) throws XMLStreamException {
    xml.writeStartElement(kind);
    xml.writeAttribute("type", r.verdict().name());
    xml.writeAttribute("message", r.detail());
    xml.writeCharacters(line(r));
    xml.writeEndElement();
  }
}
