package ai.clouvel.core.internal;

import java.util.Locale;
import java.util.Optional;

/** Converts enum constants to and from their snake_case wire names. Not part of the API. */
public final class WireNames {
  private WireNames() {
  }

  /**
   * Returns the wire name of a constant: its name in lower case.
   *
   * @param value the constant
   * @return for example {@code "random_subreddit"}
   */
  public static String of(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Finds the constant with a wire name.
   *
   * @param type the enum class
   * @param wire the wire name, in any case; {@code null} finds nothing
   * @param <E> the enum type
   * @return the constant, or empty
   */
  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String wire) {
    if (wire == null) {
      return Optional.empty();
    }
    String wanted = wire.strip().replace('-', '_').toUpperCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(wanted)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }
}
