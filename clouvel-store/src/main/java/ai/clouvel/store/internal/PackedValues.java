package ai.clouvel.store.internal;

/**
 * Reads what the database packs into one text for the hot reads ({@link GalleryCards},
 * {@link NewestSupports}): a header of whole numbers (values, or byte lengths with {@code -1} for
 * null), separated by commas and ended by a semicolon, then the texts. Everything is checked:
 * bytes written by something else (SQL that bypassed the store, another version of it) are
 * {@link Unreadable}, and the caller reads the rows instead; they never become a wrong value.
 */
final class PackedValues {
  /** The most digits read as a number: 18 always fit a {@code long}. */
  private static final int MAX_DIGITS = 18;

  private PackedValues() {
  }

  /**
   * Packed bytes that are not what this version writes. Thrown only on that path, so it carries no
   * stack trace.
   */
  static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable() {
      super("packed value not readable", null, false, false);
    }
  }

  /**
   * Reads a header of {@code into.length} numbers from {@code at}.
   *
   * @return the offset after its semicolon
   * @throws Unreadable if the bytes are not such a header
   */
  static int header(byte[] bytes, int at, long[] into) {
    // One pass: each number is read as its digits are found (the read model's hot path).
    for (int i = 0; i < into.length; i++) {
      boolean negative = at < bytes.length && bytes[at] == '-';
      int first = negative ? at + 1 : at;
      int end = first;
      long value = 0;
      while (end < bytes.length && end - first <= MAX_DIGITS) {
        int digit = bytes[end] - '0';
        if (digit < 0 || digit > 9) {
          break;
        }
        value = value * 10 + digit;
        end++;
      }
      if (end == first || end - first > MAX_DIGITS || end == bytes.length
          || bytes[end] != (i + 1 < into.length ? ',' : ';')) {
        throw new Unreadable();
      }
      into[i] = negative ? -value : value;
      at = end + 1;
    }
    return at;
  }

  /**
   * Reads a decimal whole number: an optional minus sign and 1 to 18 digits.
   *
   * @throws Unreadable if the bytes are anything else
   */
  static long number(byte[] bytes, int from, int length) {
    boolean negative = length > 0 && bytes[from] == '-';
    int first = negative ? from + 1 : from;
    int end = from + length;
    if (end == first || end - first > MAX_DIGITS) {
      throw new Unreadable();
    }
    long value = 0;
    for (int i = first; i < end; i++) {
      int digit = bytes[i] - '0';
      if (digit < 0 || digit > 9) {
        throw new Unreadable();
      }
      value = value * 10 + digit;
    }
    return negative ? -value : value;
  }

  /**
   * Checks byte lengths read from a header: each {@code -1} (null) or more, and together exactly
   * what is left after the header.
   *
   * @throws Unreadable if they are not
   */
  static void checkLengths(long[] lengths, int from, int to, int left) {
    long total = 0;
    for (int i = from; i < to; i++) {
      if (lengths[i] < -1) {
        throw new Unreadable();
      }
      total += Math.max(lengths[i], 0);
    }
    if (total > left) {
      throw new Unreadable();
    }
  }
}
