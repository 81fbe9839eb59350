package ai.clouvel.server.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} and {@code --flag} arguments, checked against the options a command knows. */
final class Args {
  private final Map<String, String> values = new HashMap<>();

  private Args() {
  }

  static Args parse(List<String> arguments, Set<String> valued, Set<String> flags) {
    Args args = new Args();
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i);
      if (!argument.startsWith("--")) {
        throw new UsageException("unexpected argument: " + argument);
      }
      String name = argument.substring(2);
      String inlineValue = null;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        inlineValue = name.substring(equals + 1);
        name = name.substring(0, equals);
      }
      if (flags.contains(name) && inlineValue == null) {
        args.values.put(name, "true");
      } else if (valued.contains(name)) {
        String value = inlineValue;
        if (value == null) {
          if (i + 1 >= arguments.size()) {
            throw new UsageException("--" + name + " needs a value");
          }
          value = arguments.get(++i);
        }
        args.values.put(name, value);
      } else {
        throw new UsageException("unknown option: --" + name);
      }
    }
    return args;
  }

  Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  boolean flag(String name) {
    return values.containsKey(name);
  }

  int intValue(String name, int fallback, int min, int max) {
    String text = values.get(name);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text);
      if (value < min || value > max) {
        throw new UsageException("--" + name + " must be between " + min + " and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number");
    }
  }

  /** A mistake in the command line; shown to the user with the usage text. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
