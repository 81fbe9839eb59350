package ai.clouvel.core.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Converts enum constants to and from their snake_case wire names. Not part of the API. */
public final class WireNames {
  /** Each enum's wire names by ordinal, computed once per enum (names are read on every row). */
  private static final ClassValue<String[]> NAMES = new ClassValue<>() {
    @Override
    protected String[] computeValue(Class<?> type) {
      Object[] constants = type.getEnumConstants();
      String[] names = new String[constants.length];
      for (int i = 0; i < constants.length; i++) {
        names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
      }
      return names;
    }
  };
  /** Each enum's constants by wire name. */
  private static final ClassValue<Map<String, Object>> BY_NAME = new ClassValue<>() {
    @Override
    protected Map<String, Object> computeValue(Class<?> type) {
      Map<String, Object> byName = new HashMap<>();
      for (Object constant : type.getEnumConstants()) {
        byName.put(((Enum<?>) constant).name().toLowerCase(Locale.ROOT), constant);
      }
      return Map.copyOf(byName);
    }
  };

  private WireNames() {
  }

  /**
   * Returns the wire name of a constant: its name in lower case.
   *
   * @param value the constant
   * @return for example {@code "random_subreddit"}
   */
  public static String of(Enum<?> value) {
    return NAMES.get(value.getDeclaringClass())[value.ordinal()];
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
    Map<String, Object> byName = BY_NAME.get(type);
    Object exact = byName.get(wire);
    if (exact == null) {
      exact = byName.get(wire.strip().replace('-', '_').toLowerCase(Locale.ROOT));
    }
    return Optional.ofNullable(type.cast(exact));
  }
}
