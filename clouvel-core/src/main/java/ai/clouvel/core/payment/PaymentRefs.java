package ai.clouvel.core.payment;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The gateway's own references to the objects behind one payment, by a kind the gateway chooses
 * (Stripe uses {@code checkout_session}, {@code payment_intent}, {@code charge} and {@code refund}).
 * Clouvel stores them, finds donations by any of them, and hands them back to the gateway when it
 * refunds; it never interprets them.
 *
 * @param values references by kind; kinds are lower-case words, values have no line breaks
 */
public record PaymentRefs(Map<String, String> values) {
  /** No references. */
  public static final PaymentRefs NONE = new PaymentRefs(Map.of());

  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_]{0,39}");
  private static final int MAX_VALUE_LENGTH = 255;

  /**
   * Checks and copies the references.
   *
   * @param values references by kind; kinds are lower-case words, values have no line breaks
   */
  public PaymentRefs {
    Objects.requireNonNull(values, "values");
    Map<String, String> copy = new LinkedHashMap<>();
    values.forEach((kind, value) -> {
      if (kind == null || !KIND.matcher(kind).matches()) {
        throw new IllegalArgumentException("a payment reference kind is a lower-case word");
      }
      if (value == null || value.isEmpty() || value.length() > MAX_VALUE_LENGTH
          || value.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException("a payment reference is 1-" + MAX_VALUE_LENGTH
            + " characters without control characters");
      }
      copy.put(kind, value);
    });
    values = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * Returns references built from pairs, skipping {@code null} values.
   *
   * @param kindsAndValues kind, value, kind, value, ...
   * @return the references
   * @throws IllegalArgumentException if the arguments do not come in pairs
   */
  public static PaymentRefs of(String... kindsAndValues) {
    if (kindsAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("references come in kind-value pairs");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < kindsAndValues.length; i += 2) {
      if (kindsAndValues[i + 1] != null) {
        values.put(kindsAndValues[i], kindsAndValues[i + 1]);
      }
    }
    return new PaymentRefs(values);
  }

  /**
   * Returns the reference of a kind.
   *
   * @param kind the kind
   * @return the reference, or empty
   */
  public Optional<String> get(String kind) {
    return Optional.ofNullable(values.get(kind));
  }

  /**
   * Returns these references with the other's added; a kind already known keeps its reference.
   *
   * @param other more references
   * @return the union
   */
  public PaymentRefs plus(PaymentRefs other) {
    Map<String, String> merged = new LinkedHashMap<>(other.values);
    merged.putAll(values);
    return new PaymentRefs(merged);
  }

  /**
   * Returns every reference, whatever its kind.
   *
   * @return the references
   */
  public Collection<String> all() {
    return values.values();
  }

  /**
   * Tells whether there are no references.
   *
   * @return {@code true} if empty
   */
  public boolean isEmpty() {
    return values.isEmpty();
  }
}
