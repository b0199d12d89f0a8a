package org.mechlp.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Issue;

/**
 * The one strict way every mechlp input file is read: problem, mechanism and certificate files alike. A file is at
 * most {@value #MAX_FILE_BYTES} bytes of UTF-8 (a bad byte is named by its offset), parsed as exactly one JSON value
 * with no duplicate keys and no trailing text, and its numbers are bounded in exponent and digits.
 */
public final class StrictJson {
  /** The largest input file read: 64 MiB, far above any problem mechlp can solve. */
  public static final long MAX_FILE_BYTES = 64L << 20;

  private StrictJson() {}

  /**
   * The text of {@code file}, read as UTF-8 with at most {@link #MAX_FILE_BYTES} bytes (so {@code /dev/zero} or a
   * huge file is refused instead of exhausting memory).
   *
   * @throws InvalidInputException when the file is too large or not UTF-8, naming the byte offset
   * @throws IOException when it cannot be read
   */
  public static String readText(Path file) throws IOException, InvalidInputException {
    try (InputStream in = Files.newInputStream(file)) {
      return decode(readBytes(in, file.toString()), file.toString());
    }
  }

  /**
   * All bytes of {@code in}, at most {@link #MAX_FILE_BYTES} of them.
   *
   * @throws InvalidInputException naming {@code source} when there are more
   */
  public static byte[] readBytes(InputStream in, String source) throws IOException, InvalidInputException {
    byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
    if (bytes.length > MAX_FILE_BYTES) {
      throw new InvalidInputException(source, List.of(Issue.of("", String.format(Locale.ROOT,
          "the file is larger than %,d bytes, the most mechlp reads; is it the right file?", MAX_FILE_BYTES))));
    }
    return bytes;
  }

  /** {@code bytes} as UTF-8 text, or an issue naming the first byte that is not UTF-8. */
  public static String decode(byte[] bytes, String source) throws InvalidInputException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      throw new InvalidInputException(source, List.of(Issue.of("", String.format(Locale.ROOT,
          "the file is not UTF-8 text: byte offset %d (0x%02X) is not valid UTF-8; save it as UTF-8", offset,
          bytes[offset] & 0xFF))));
    }
    out.flip();
    return out.toString();
  }

  /** Parses {@code json} strictly, or throws with one {@code line L, column C: ...} issue. */
  public static JsonNode parse(String json, String source) throws InvalidInputException {
    return JsonInput.parse(json, source);
  }

  /**
   * The exact value of a number written as a string ({@code "9/4"}, {@code "-0.5"}, {@code "1e-3"}) with the same
   * bounds on exponent and digits as numbers in problem files; empty when it is not such a number.
   */
  public static Optional<BigFraction> parseNumber(String text) {
    return JsonInput.parseNumber(TextNode.valueOf(text));
  }

  /** {@code s} with control and invisible formatting characters escaped, whatever its length (file names). */
  public static String escape(String s) {
    return JsonInput.echo(s, Integer.MAX_VALUE);
  }

  /** {@code s} as it may be echoed in a message: control characters escaped, long text cut. */
  public static String echo(String s) {
    return JsonInput.echo(s);
  }
}
