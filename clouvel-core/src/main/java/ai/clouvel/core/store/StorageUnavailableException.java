package ai.clouvel.core.store;

/**
 * The database could not do what was asked: it is unreachable, full, read-only, or locked for too
 * long. Trying again later may succeed; the reference server answers 503 {@code storage_unavailable}.
 * The message names the failure, never the values of the statement that failed.
 */
public class StorageUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, without any stored values
   * @param cause the driver's exception
   */
  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
