package ai.clouvel.server.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes an instant exactly as {@link Instant#toString()} does (ISO-8601 in UTC, seconds always,
 * the fraction in groups of three digits and only when not zero), without the general formatter:
 * the hot read answers write hundreds of timestamps each.
 */
public final class IsoTime {
  private static final long SECONDS_0000_TO_1970 = 62_167_219_200L;
  private static final long SECONDS_10000 = 253_402_300_800L;
  /** The longest text written: {@code 9999-12-31T23:59:59.999999999Z}. */
  static final int MAX_LENGTH = 30;

  private IsoTime() {
  }

  /**
   * Formats an instant.
   *
   * @param instant the instant
   * @return what {@code instant.toString()} returns
   */
  public static String format(Instant instant) {
    byte[] out = new byte[MAX_LENGTH];
    int length = write(instant, out, 0);
    return length < 0 ? instant.toString() : new String(out, 0, length, StandardCharsets.US_ASCII);
  }

  /**
   * Writes an instant as ASCII into a byte array, for writers that put it straight into a response.
   *
   * @param instant the instant
   * @param out where to write; needs {@link #MAX_LENGTH} bytes from {@code at}
   * @param at the offset to start at
   * @return the offset after it, or {@code -1} (nothing written) for a year outside 0000–9999, which
   *     {@link Instant#toString()} writes with a sign or more digits
   */
  static int write(Instant instant, byte[] out, int at) {
    long seconds = instant.getEpochSecond();
    if (seconds < -SECONDS_0000_TO_1970 || seconds >= SECONDS_10000) {
      return -1;
    }
    long days = Math.floorDiv(seconds, 86_400L);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    // Days to a civil date (proleptic Gregorian), in eras of 400 years from 0000-03-01.
    long z = days + 719_468L;
    long era = Math.floorDiv(z, 146_097L);
    long dayOfEra = z - era * 146_097L;
    long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));

    int nano = instant.getNano();
    int n = at;
    n = digits(out, n, year, 4);
    out[n++] = '-';
    n = digits(out, n, month, 2);
    out[n++] = '-';
    n = digits(out, n, day, 2);
    out[n++] = 'T';
    n = digits(out, n, secondOfDay / 3600, 2);
    out[n++] = ':';
    n = digits(out, n, secondOfDay / 60 % 60, 2);
    out[n++] = ':';
    n = digits(out, n, secondOfDay % 60, 2);
    if (nano != 0) {
      out[n++] = '.';
      if (nano % 1_000_000 == 0) {
        n = digits(out, n, nano / 1_000_000, 3);
      } else if (nano % 1_000 == 0) {
        n = digits(out, n, nano / 1_000, 6);
      } else {
        n = digits(out, n, nano, 9);
      }
    }
    out[n++] = 'Z';
    return n;
  }

  private static int digits(byte[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    return at + width;
  }
}
