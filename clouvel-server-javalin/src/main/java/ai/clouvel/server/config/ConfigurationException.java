package ai.clouvel.server.config;

/**
 * A setting is missing, malformed or contradicts another. The message names the setting and says
 * what is wrong, in one line an operator can act on; the command line exits with status 2.
 */
public final class ConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the setting
   */
  public ConfigurationException(String message) {
    super(message);
  }

  /**
   * Creates the exception from the failure that revealed it.
   *
   * @param message what is wrong, naming the setting
   * @param cause the failure
   */
  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
