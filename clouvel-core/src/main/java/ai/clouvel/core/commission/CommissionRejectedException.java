package ai.clouvel.core.commission;

import java.util.Objects;

/** A commission or donation that cannot be accepted, with a code a client can act on. */
public class CommissionRejectedException extends RuntimeException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** A machine-readable reason, for example {@code post_not_found}. */
  private final String code;
  /** The request field at fault, for example {@code post_id}, or {@code null}. */
  private final String field;

  /**
   * Creates the exception.
   *
   * @param code a machine-readable reason
   * @param field the request field at fault, or {@code null}
   * @param message a human explanation, safe to show
   */
  public CommissionRejectedException(String code, String field, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
    this.field = field;
  }

  /**
   * Returns the machine-readable reason.
   *
   * @return for example {@code subreddit_not_found}, {@code post_not_found}, {@code title_too_short},
   *     {@code nsfw}, {@code already_illustrated}, {@code amount_below_minimum}
   */
  public String code() {
    return code;
  }

  /**
   * Returns the field at fault.
   *
   * @return the snake_case field name, or {@code null}
   */
  public String field() {
    return field;
  }
}
