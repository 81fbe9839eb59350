package ai.clouvel.server.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * A JSON writer for the hot read answers (the gallery, bulk donations): it writes UTF-8 straight
 * into one growing byte array, with no tree, no string and no per-byte buffer calls between the
 * values and the response. Its output is byte for byte what Moshi writes for the same records
 * (field order, nulls written, the same escapes), which a test checks.
 */
public final class JsonBytes {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  private byte[] bytes;
  private int size;
  /** Whether the next value or name in the current container needs a comma before it. */
  private boolean comma;

  /**
   * Creates a writer.
   *
   * @param capacity the first size of its buffer
   */
  public JsonBytes(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  /**
   * Writes a value of a registered type.
   *
   * @param <T> the type
   */
  @FunctionalInterface
  public interface Writer<T> {
    /**
     * Writes the value.
     *
     * @param out the writer
     * @param value the value, never {@code null}
     */
    void write(JsonBytes out, T value);
  }

  /**
   * A field name made into bytes once, {@code "name":}, for writers that write it many times.
   */
  public static final class Name {
    private final byte[] bytes;

    private Name(byte[] bytes) {
      this.bytes = bytes;
    }

    /**
     * Makes a name.
     *
     * @param name plain ASCII that needs no escape
     * @return the name
     * @throws IllegalArgumentException if it would need one
     */
    public static Name of(String name) {
      return new Name(quotedAscii(name, ":"));
    }
  }

  /** A string value made into bytes once, quotes included: a wire name written on every row. */
  public static final class Text {
    private final byte[] bytes;

    private Text(byte[] bytes) {
      this.bytes = bytes;
    }

    /**
     * Makes a text.
     *
     * @param text plain ASCII that needs no escape
     * @return the text
     * @throws IllegalArgumentException if it would need one
     */
    public static Text of(String text) {
      return new Text(quotedAscii(text, ""));
    }
  }

  private static byte[] quotedAscii(String text, String after) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
        throw new IllegalArgumentException("not plain ASCII: " + text);
      }
    }
    return ('"' + text + '"' + after).getBytes(StandardCharsets.US_ASCII);
  }

  /** Starts an object. @return this */
  public JsonBytes beginObject() {
    separate();
    put((byte) '{');
    comma = false;
    return this;
  }

  /** Ends an object. @return this */
  public JsonBytes endObject() {
    put((byte) '}');
    comma = true;
    return this;
  }

  /** Starts an array. @return this */
  public JsonBytes beginArray() {
    separate();
    put((byte) '[');
    comma = false;
    return this;
  }

  /** Ends an array. @return this */
  public JsonBytes endArray() {
    put((byte) ']');
    comma = true;
    return this;
  }

  /**
   * Writes a field name; the next call writes its value.
   *
   * @param name the name, plain ASCII without escapes
   * @return this
   */
  public JsonBytes name(String name) {
    separate();
    put((byte) '"');
    int length = name.length();
    ensure(length + 2);
    for (int i = 0; i < length; i++) {
      bytes[size++] = (byte) name.charAt(i);
    }
    bytes[size++] = '"';
    bytes[size++] = ':';
    comma = false;
    return this;
  }

  /** Writes a field name made once. @param name the name @return this */
  public JsonBytes name(Name name) {
    separate();
    putAll(name.bytes);
    comma = false;
    return this;
  }

  /** Writes a string made once, or {@code null}. @param value the text @return this */
  public JsonBytes value(Text value) {
    separate();
    putAll(value == null ? NULL : value.bytes);
    comma = true;
    return this;
  }

  /**
   * Writes an instant as the string {@link Instant#toString()} makes, or {@code null}.
   *
   * @param value the instant
   * @return this
   */
  public JsonBytes value(Instant value) {
    if (value == null) {
      return nullValue();
    }
    separate();
    ensure(IsoTime.MAX_LENGTH + 2);
    int end = IsoTime.write(value, bytes, size + 1);
    if (end < 0) {
      string(value.toString());
    } else {
      bytes[size] = '"';
      bytes[end] = '"';
      size = end + 1;
    }
    comma = true;
    return this;
  }

  /**
   * Writes cents as the string of dollars with two decimals that
   * {@code BigDecimal.valueOf(cents, 2).toPlainString()} makes: {@code "0.05"}, {@code "-12.50"}.
   *
   * @param cents the amount in cents
   * @return this
   */
  public JsonBytes usd(long cents) {
    separate();
    ensure(24);
    bytes[size++] = '"';
    // Negated rather than made positive, so that Long.MIN_VALUE needs no case of its own.
    long negative = cents < 0 ? cents : -cents;
    if (cents < 0) {
      bytes[size++] = '-';
    }
    digits(-(negative / 100));
    int fraction = (int) -(negative % 100);
    bytes[size++] = '.';
    bytes[size++] = (byte) ('0' + fraction / 10);
    bytes[size++] = (byte) ('0' + fraction % 10);
    bytes[size++] = '"';
    comma = true;
    return this;
  }

  /** Writes a string, or {@code null}. @param value the string @return this */
  public JsonBytes value(String value) {
    separate();
    if (value == null) {
      putAll(NULL);
    } else {
      string(value);
    }
    comma = true;
    return this;
  }

  /** Writes a whole number. @param value the number @return this */
  public JsonBytes value(long value) {
    separate();
    ensure(20);
    if (value < 0) {
      if (value == Long.MIN_VALUE) {
        putAll(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
        comma = true;
        return this;
      }
      bytes[size++] = '-';
      value = -value;
    }
    digits(value);
    comma = true;
    return this;
  }

  /** Writes the decimal digits of a number that is not negative; room for 19 is ensured. */
  private void digits(long value) {
    int length = 1;
    for (long rest = value / 10; rest != 0; rest /= 10) {
      length++;
    }
    for (int i = size + length - 1; i >= size; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size += length;
  }

  /** Writes {@code null}. @return this */
  public JsonBytes nullValue() {
    separate();
    putAll(NULL);
    comma = true;
    return this;
  }

  /**
   * Appends JSON written elsewhere as one value.
   *
   * @param json complete JSON of one value
   * @return this
   */
  public JsonBytes raw(byte[] json) {
    separate();
    putAll(json);
    comma = true;
    return this;
  }

  /**
   * Returns how many bytes were written.
   *
   * @return the length of the JSON so far
   */
  public int size() {
    return size;
  }

  /**
   * Writes what was written to a stream, in one write and without a copy.
   *
   * @param out the stream
   * @throws IOException if the stream fails
   */
  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  /**
   * Returns what was written.
   *
   * @return a copy of exactly the written bytes
   */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void separate() {
    if (comma) {
      put((byte) ',');
    }
  }

  private void string(String value) {
    // Most strings need no escape: their UTF-8, which the JDK makes with one bulk copy for Latin-1
    // text, is checked for a byte that may need one and goes in whole (a fifth faster than the
    // loop below for strings of 50 ASCII characters).
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    if (needsNoEscape(utf8)) {
      ensure(utf8.length + 2);
      bytes[size++] = '"';
      System.arraycopy(utf8, 0, bytes, size, utf8.length);
      size += utf8.length;
      bytes[size++] = '"';
      return;
    }
    escaped(value);
  }

  /**
   * Whether UTF-8 holds no quote, backslash or control character, and no 0xE2 lead byte (which
   * starts U+2028 and U+2029, the two that Moshi escapes beyond ASCII, among others).
   */
  private static boolean needsNoEscape(byte[] utf8) {
    for (byte b : utf8) {
      if (b >= 0 && b < 0x20 || b == '"' || b == '\\' || b == (byte) 0xE2) {
        return false;
      }
    }
    return true;
  }

  private void escaped(String value) {
    // One pass over the characters, straight into the buffer: most are plain ASCII and go in as
    // they are. The room reserved holds every character at 3 bytes (the most a char takes in
    // UTF-8); an escape (up to 6 bytes) reserves its own room first.
    int length = value.length();
    ensure(3 * length + 2);
    byte[] out = bytes;
    int at = size;
    out[at++] = '"';
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        out[at++] = (byte) c;
      } else {
        size = at;
        ensure(3 * (length - i) + 12);
        escapedOrWide(value, i, c);
        if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
        }
        out = bytes;
        at = size;
      }
    }
    out[at++] = '"';
    size = at;
  }

  /** Moshi's escapes: quote, backslash, control characters, U+2028 and U+2029; the rest as UTF-8. */
  private void escapedOrWide(String value, int i, char c) {
    ensure(12);
    switch (c) {
      case '"' -> putEscape('"');
      case '\\' -> putEscape('\\');
      case '\t' -> putEscape('t');
      case '\b' -> putEscape('b');
      case '\n' -> putEscape('n');
      case '\r' -> putEscape('r');
      case '\f' -> putEscape('f');
      case '\u2028', '\u2029' -> unicodeEscape(c);
      default -> {
        if (c < 0x20) {
          unicodeEscape(c);
        } else if (c < 0x800) {
          bytes[size++] = (byte) (0xc0 | c >> 6);
          bytes[size++] = (byte) (0x80 | c & 0x3f);
        } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
            && Character.isLowSurrogate(value.charAt(i + 1))) {
          int code = Character.toCodePoint(c, value.charAt(i + 1));
          bytes[size++] = (byte) (0xf0 | code >> 18);
          bytes[size++] = (byte) (0x80 | code >> 12 & 0x3f);
          bytes[size++] = (byte) (0x80 | code >> 6 & 0x3f);
          bytes[size++] = (byte) (0x80 | code & 0x3f);
        } else if (Character.isSurrogate(c)) {
          bytes[size++] = '?';
        } else {
          bytes[size++] = (byte) (0xe0 | c >> 12);
          bytes[size++] = (byte) (0x80 | c >> 6 & 0x3f);
          bytes[size++] = (byte) (0x80 | c & 0x3f);
        }
      }
    }
  }

  private void putEscape(char c) {
    bytes[size++] = '\\';
    bytes[size++] = (byte) c;
  }

  private void unicodeEscape(char c) {
    bytes[size++] = '\\';
    bytes[size++] = 'u';
    bytes[size++] = HEX[c >> 12 & 0xf];
    bytes[size++] = HEX[c >> 8 & 0xf];
    bytes[size++] = HEX[c >> 4 & 0xf];
    bytes[size++] = HEX[c & 0xf];
  }

  private void put(byte b) {
    ensure(1);
    bytes[size++] = b;
  }

  private void putAll(byte[] more) {
    ensure(more.length);
    System.arraycopy(more, 0, bytes, size, more.length);
    size += more.length;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
