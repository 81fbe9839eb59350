package ai.clouvel.core.commission;

import java.util.Objects;

/**
 * An admin action on a commission (cancel, retry) that cannot be done now. The code tells why:
 * {@code task_not_found}, {@code not_cancellable}, {@code not_retryable} or {@code refunded}; the
 * message is safe to show to the admin.
 */
public final class CommissionActionException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_QUOTED = 100;

  /** The machine-readable reason. */
  private final String code;

  /**
   * Creates the exception.
   *
   * @param code the machine-readable reason
   * @param message what is wrong, safe to show
   */
  public CommissionActionException(String code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  /**
   * The answer for a task id that names no task; a long id is quoted only in part.
   *
   * @param taskId the id asked for
   * @return the exception, code {@code task_not_found}
   */
  public static CommissionActionException notFound(String taskId) {
    String quoted = taskId.length() <= MAX_QUOTED ? taskId : taskId.substring(0, MAX_QUOTED) + "...";
    return new CommissionActionException("task_not_found", "no task " + quoted);
  }

  /**
   * Returns the machine-readable reason.
   *
   * @return for example {@code not_cancellable}
   */
  public String code() {
    return code;
  }

  /**
   * Tells whether the task does not exist, as opposed to being in the wrong state.
   *
   * @return {@code true} for {@code task_not_found}
   */
  public boolean isNotFound() {
    return "task_not_found".equals(code);
  }
}
