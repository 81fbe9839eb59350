package ai.clouvel.agents.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import okhttp3.Headers;

/** Reads how long a provider asked us to wait: {@code retry-after-ms}, or {@code Retry-After}. */
final class RetryAfter {
  private RetryAfter() {
  }

  static Optional<Duration> of(Headers headers, Clock clock) {
    String millis = headers.get("retry-after-ms");
    if (millis != null) {
      try {
        return Optional.of(Duration.ofMillis((long) Math.ceil(Double.parseDouble(millis.strip()))));
      } catch (NumberFormatException ignored) {
        // Fall through to Retry-After.
      }
    }
    String value = headers.get("Retry-After");
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.strip();
    try {
      return Optional.of(Duration.ofMillis((long) Math.ceil(Double.parseDouble(text) * 1000)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }
}
