package org.mechlp.solver.certify.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Problem;
import org.mechlp.solver.certify.Certificate;
import org.mechlp.solver.certify.Ratios;
import org.mechlp.solver.lp.LinearProgram;

/**
 * A {@code mechlp-certificate/1} file for a calibrated problem's main LP: the fields of {@link CertificateFile} plus
 * {@code "lp"}, which LP it is (such as {@code "p1-grid"}), and for the P1 grid LP {@code "posteriors"}, its
 * candidate posteriors in column order as exact fractions keyed by state. The adaptive refinement picks them from
 * floating-point solves, so the file carries them and {@code verify-certificate} rebuilds exactly that LP.
 */
public final class CalibratedCertificateFile {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CalibratedCertificateFile() {}

  /**
   * Which LP a calibrated certificate is for.
   *
   * @param lp the LP's kind, as {@code solve --exact} names it
   * @param posteriors the candidate posteriors (P1), or null when the file has none
   */
  public record LpSpec(String lp, List<BigFraction[]> posteriors) {}

  /** The JSON text of {@code certificate} for the main LP {@code lp} of calibrated {@code problem}. */
  public static String write(
      Problem problem,
      byte[] problemBytes,
      String kind,
      List<BigFraction[]> posteriors,
      LinearProgram lp,
      Certificate certificate) {
    String plain = CertificateFile.write(problem.name(), problemBytes, lp, certificate);
    ObjectNode base;
    try {
      base = (ObjectNode) MAPPER.readTree(plain);
    } catch (IOException e) {
      throw new IllegalStateException("cannot re-read a certificate", e);
    }
    ObjectNode root = MAPPER.createObjectNode();
    for (Map.Entry<String, JsonNode> e : base.properties()) {
      root.set(e.getKey(), e.getValue());
      if (e.getKey().equals("problemSha256")) {
        root.put("lp", kind);
        if (posteriors != null) {
          ArrayNode list = root.putArray("posteriors");
          for (BigFraction[] mu : posteriors) {
            ObjectNode point = list.addObject();
            for (int w = 0; w < mu.length; w++) {
              point.put(problem.states().get(w).name(), Ratios.ratio(mu[w]));
            }
          }
        }
      }
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads which LP a calibrated certificate is for.
   *
   * @throws CertificateFile.FormatException when the text is not JSON, has no {@code "lp"}, or has posteriors that
   *     are not objects of exact numbers keyed by exactly the problem's states
   */
  public static LpSpec read(String text, Problem problem) throws CertificateFile.FormatException {
    JsonNode root = CertificateFile.root(text);
    JsonNode lp = root.get("lp");
    if (lp == null || !lp.isTextual()) {
      throw new CertificateFile.FormatException(
          "$.lp: expected the name of the calibrated LP the certificate is for (such as \"p1-grid\"), got "
              + CertificateFile.shown(lp)
              + "; the problem is calibrated");
    }
    JsonNode list = root.get("posteriors");
    if (list == null) {
      return new LpSpec(lp.asText(), null);
    }
    if (!list.isArray()) {
      throw new CertificateFile.FormatException("$.posteriors: expected an array of posteriors");
    }
    int states = problem.states().size();
    List<BigFraction[]> posteriors = new ArrayList<>();
    for (int g = 0; g < list.size(); g++) {
      String path = "$.posteriors[" + g + "]";
      JsonNode point = list.get(g);
      if (!point.isObject() || point.size() != states) {
        throw new CertificateFile.FormatException(
            path + ": expected an object with one exact probability per state (" + states + " states)");
      }
      BigFraction[] mu = new BigFraction[states];
      for (int w = 0; w < states; w++) {
        String name = problem.states().get(w).name();
        JsonNode value = point.get(name);
        Optional<BigFraction> p = CertificateFile.exact(value);
        if (p.isEmpty()) {
          throw new CertificateFile.FormatException(
              path + "." + name + ": expected an exact number as a string such as \"2/3\", got "
                  + CertificateFile.shown(value));
        }
        mu[w] = p.get();
      }
      posteriors.add(mu);
    }
    return new LpSpec(lp.asText(), posteriors);
  }
}
