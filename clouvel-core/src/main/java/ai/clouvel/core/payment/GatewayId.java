package ai.clouvel.core.payment;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names a payment gateway, for example {@code stripe}, {@code demo} or your own. Donations record
 * which gateway took their money, and a refund goes only to that gateway: a donation paid through
 * one gateway is never refunded through another.
 *
 * @param value lower-case letters, digits, {@code _}, {@code -} or {@code .}; 1 to 40 characters
 */
public record GatewayId(String value) {
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,39}");

  /**
   * Checks the name.
   *
   * @param value lower-case letters, digits, {@code _}, {@code -} or {@code .}; 1 to 40 characters
   */
  public GatewayId {
    Objects.requireNonNull(value, "value");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException("a gateway id is 1-40 lower-case letters, digits, '_', '-' or '.'");
    }
  }

  /**
   * Returns a gateway id.
   *
   * @param value the name
   * @return the id
   */
  public static GatewayId of(String value) {
    return new GatewayId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
