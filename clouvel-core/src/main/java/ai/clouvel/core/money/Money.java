package ai.clouvel.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of US dollars held as a whole number of cents. Money never passes through
 * {@code double}: {@code Money.parseUsd("19.99")} is exactly 1999 cents.
 *
 * @param cents the amount in cents; may be negative for differences
 */
public record Money(long cents) implements Comparable<Money> {

  /** Zero dollars. */
  public static final Money ZERO = new Money(0);

  /**
   * Returns the amount of {@code cents} cents.
   *
   * @param cents whole cents
   * @return the amount
   */
  public static Money ofCents(long cents) {
    return new Money(cents);
  }

  /**
   * Returns the amount of {@code dollars} whole dollars.
   *
   * @param dollars whole dollars
   * @return the amount
   */
  public static Money ofDollars(long dollars) {
    return new Money(Math.multiplyExact(dollars, 100L));
  }

  /**
   * Parses a dollar amount such as {@code "25"}, {@code "25.5"} or {@code "19.99"}.
   *
   * @param text a decimal number with at most two decimals; no sign, currency symbol or exponent
   * @return the exact amount
   * @throws IllegalArgumentException if the text is not such a number
   */
  public static Money parseUsd(String text) {
    if (text == null || !text.strip().matches("\\d{1,12}(\\.\\d{0,2})?")) {
      throw new IllegalArgumentException(
          "amount must be a dollar amount with at most two decimals, like 19.99");
    }
    return ofUsd(new BigDecimal(text.strip()));
  }

  /**
   * Converts a decimal dollar amount with at most two decimals.
   *
   * @param dollars the amount in dollars
   * @return the exact amount
   * @throws IllegalArgumentException if the amount has more than two decimals
   */
  public static Money ofUsd(BigDecimal dollars) {
    BigDecimal cents = dollars.movePointRight(2);
    try {
      return new Money(cents.setScale(0, RoundingMode.UNNECESSARY).longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("amount must have at most two decimals: " + dollars);
    }
  }

  /**
   * Formats the amount as dollars with two decimals, for example {@code "19.99"}.
   *
   * @return the amount in dollars, two decimals, no currency symbol
   */
  public String toUsdString() {
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }

  /**
   * Returns the sum of this amount and another.
   *
   * @param other the amount to add
   * @return the sum
   */
  public Money plus(Money other) {
    return new Money(Math.addExact(cents, other.cents));
  }

  /**
   * Tells whether this amount is at least {@code other}.
   *
   * @param other the amount to compare with
   * @return {@code true} if this amount is greater than or equal to {@code other}
   */
  public boolean isAtLeast(Money other) {
    return cents >= other.cents;
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(cents, other.cents);
  }

  @Override
  public String toString() {
    return "$" + toUsdString();
  }
}
