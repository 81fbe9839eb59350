package ai.clouvel.core.commission;

import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.task.Task;
import java.util.Objects;

/**
 * What handling a payment event did.
 *
 * @param result the kind of outcome
 * @param donation the donation concerned, or {@code null}
 * @param task the task created, or {@code null}
 */
public record FulfilmentOutcome(Result result, Donation donation, Task task) {

  public FulfilmentOutcome {
    Objects.requireNonNull(result, "result");
  }

  /** The kinds of outcome. */
  public enum Result {
    /** The donation was recorded as paid, and its task enqueued if it is a commission. */
    FULFILLED,
    /** The same event was handled before; nothing changed. */
    REPLAYED,
    /** Another event already fulfilled this payment; nothing changed. */
    ALREADY_FULFILLED,
    /** The payment was not created by Clouvel; acknowledged and ignored. */
    NOT_OURS,
    /** The amount paid does not cover the commission type; the payment is being refunded. */
    UNDERPAID,
    /** A failed payment was recorded. */
    PAYMENT_FAILED,
    /** A refund made elsewhere was reconciled. */
    REFUND_RECONCILED,
    /** An event Clouvel does not act on; acknowledged. */
    IGNORED
  }

  /**
   * An outcome that touched no donation and no task, such as an ignored event.
   *
   * @param result what happened
   * @return the outcome
   */
  public static FulfilmentOutcome of(Result result) {
    return new FulfilmentOutcome(result, null, null);
  }
}
