package ai.clouvel.server.http;

import ai.clouvel.core.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads and checks the fields of a JSON request, collecting every problem so the client learns
 * them all at once. Call {@link #validate()} before using the values.
 */
public final class RequestFields {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,}");

  private final Map<String, Object> fields;
  private final List<Map<String, String>> problems = new ArrayList<>();

  public RequestFields(Map<String, Object> fields) {
    this.fields = fields;
  }

  public String string(String name, boolean required, int maxLength) {
    Object value = fields.get(name);
    if (value == null || (value instanceof String text && text.isBlank())) {
      if (required) {
        problem(name, "required", name + " is required");
      }
      return null;
    }
    if (!(value instanceof String text)) {
      problem(name, "invalid_type", name + " must be a string");
      return null;
    }
    String stripped = text.strip();
    if (stripped.length() > maxLength) {
      problem(name, "too_long", name + " may have at most " + maxLength + " characters");
      return null;
    }
    return stripped;
  }

  public String email(String name) {
    String value = string(name, false, 320);
    if (value != null && !EMAIL.matcher(value).matches()) {
      problem(name, "invalid_email", name + " is not an email address");
      return null;
    }
    return value;
  }

  public String matching(String name, Pattern pattern, int maxLength, String explanation) {
    String value = string(name, false, maxLength);
    if (value != null && !pattern.matcher(value).matches()) {
      problem(name, "invalid_format", name + " " + explanation);
      return null;
    }
    return value;
  }

  public boolean bool(String name, boolean fallback) {
    Object value = fields.get(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    problem(name, "invalid_type", name + " must be true or false");
    return fallback;
  }

  /** A dollar amount given as a string ("19.99") or a number (19.99), with at most two decimals. */
  public Money money(String name, boolean required) {
    Object value = fields.get(name);
    if (value == null) {
      if (required) {
        problem(name, "required", name + " is required");
      }
      return null;
    }
    try {
      if (value instanceof BigDecimal number) {
        if (number.signum() <= 0) {
          throw new IllegalArgumentException();
        }
        return Money.ofUsd(number);
      }
      if (value instanceof String text) {
        return Money.parseUsd(text);
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      // Reported below.
    }
    problem(name, "invalid_amount", name + " must be a positive dollar amount with at most two decimals, like \"19.99\"");
    return null;
  }

  public <E> E choice(String name, boolean required, Function<String, Optional<E>> parse, String allowed) {
    String value = string(name, required, 64);
    if (value == null) {
      return null;
    }
    Optional<E> parsed = parse.apply(value.toLowerCase(Locale.ROOT));
    if (parsed.isEmpty()) {
      problem(name, "invalid_value", name + " must be one of " + allowed);
      return null;
    }
    return parsed.get();
  }

  public Integer integer(String name, boolean required, int min, int max) {
    Object value = fields.get(name);
    if (value == null) {
      if (required) {
        problem(name, "required", name + " is required");
      }
      return null;
    }
    if (value instanceof BigDecimal number) {
      try {
        int parsed = number.intValueExact();
        if (parsed >= min && parsed <= max) {
          return parsed;
        }
      } catch (ArithmeticException e) {
        // Reported below.
      }
    }
    problem(name, "invalid_value", name + " must be a whole number between " + min + " and " + max);
    return null;
  }

  public void problem(String field, String code, String message) {
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("field", field);
    detail.put("code", code);
    detail.put("message", message);
    problems.add(detail);
  }

  /** Throws a 400 listing every problem found, if any. */
  public void validate() {
    if (!problems.isEmpty()) {
      throw new ApiException(400, "invalid_request", problems.size() == 1
          ? problems.get(0).get("message") : "the request has " + problems.size() + " problems", problems);
    }
  }
}
