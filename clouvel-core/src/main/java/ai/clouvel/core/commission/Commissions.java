package ai.clouvel.core.commission;

import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.payment.CheckoutSession;
import ai.clouvel.core.payment.PaymentEvent;
import ai.clouvel.core.payment.PaymentIntent;
import ai.clouvel.core.schedule.SchedulerSettings;
import ai.clouvel.core.task.Task;
import java.time.Duration;
import java.util.Optional;

/**
 * What can be done with commissions: validate one, take payment for it, act on the gateway's
 * webhooks, create one by hand, cancel or retry one, and run the workers that make them. Obtain
 * it from {@link ai.clouvel.core.DurableClouvel#commissions()}: the engine behind it needs a
 * durable store, so a Clouvel without one has no commissions to offer.
 *
 * <p>Every action is safe to repeat: a replayed webhook, a second cancel or two nodes running
 * workers on one database never pay, make or refund anything twice.
 */
public interface Commissions {

  /**
   * Validates a request without creating anything.
   *
   * @param request the request
   * @return the request with its tier and, for a specific post, the post
   * @throws CommissionRejectedException if the request cannot be accepted
   */
  ValidatedCommission validate(CommissionRequest request);

  /**
   * Validates a request, creates a hosted checkout for it, and records the pending donation.
   *
   * @param request the request
   * @param successUrl where the payer goes after paying
   * @param cancelUrl where the payer goes on cancel
   * @return the checkout and the pending donation
   * @throws CommissionRejectedException if the request cannot be accepted
   */
  CheckoutStarted startCheckout(CommissionRequest request, String successUrl, String cancelUrl);

  /**
   * Validates a request, creates a payment intent for it, and records the pending donation.
   *
   * @param request the request
   * @return the payment intent and the pending donation
   * @throws CommissionRejectedException if the request cannot be accepted
   */
  PaymentIntentStarted startPaymentIntent(CommissionRequest request);

  /**
   * Verifies a webhook and acts on it. Replays and events of payments Clouvel did not create are
   * acknowledged without effect.
   *
   * @param payload the raw body
   * @param signature the signature header
   * @return what happened
   * @throws ai.clouvel.core.payment.InvalidWebhookException if the signature does not verify or
   *     the event is malformed
   */
  FulfilmentOutcome handleWebhook(String payload, String signature);

  /**
   * Acts on a payment event that a gateway has already verified.
   *
   * @param event the event
   * @return what happened
   */
  FulfilmentOutcome handle(PaymentEvent event);

  /**
   * Creates a commission without payment, for an admin. The amount is recorded but not charged
   * and never refunded through the gateway; it is zero or within the accepted range, since it
   * counts in the public totals.
   *
   * @param request the commission
   * @return the pending task
   * @throws CommissionRejectedException if the amount is out of range or the subreddit or post is unfit
   */
  Task createManual(CommissionRequest request);

  /**
   * Cancels a pending or running commission: the task becomes {@code cancelled}, its post is freed,
   * any draft product discarded, and a paid donation refunded exactly once, all decided in one
   * transaction. A running pipeline stops at its next stage boundary.
   *
   * @param taskId the task
   * @return the cancelled task
   * @throws CommissionActionException {@code task_not_found}, or {@code not_cancellable} when the
   *     task is neither pending nor running
   */
  Task cancel(String taskId);

  /**
   * Queues a failed or cancelled commission again, unless its donation was refunded.
   *
   * @param taskId the task
   * @return the task, pending again
   * @throws CommissionActionException {@code task_not_found}, {@code not_retryable} or {@code refunded}
   */
  Task retry(String taskId);

  /**
   * Starts the worker threads, which claim due tasks, run the pipeline, sweep abandoned tasks,
   * retry refunds and start scheduled commissions. Starting twice is harmless.
   */
  void startWorkers();

  /**
   * Stops the workers: no new task is claimed, running ones get {@code grace} to finish and are
   * then interrupted; an interrupted task is retried by whichever node claims it next.
   *
   * @param grace how long running tasks may take to finish
   */
  void stopWorkers(Duration grace);

  /**
   * Returns what the workers of this instance are doing.
   *
   * @return whether they run, how many there are and how many are busy
   */
  WorkerStatus workerStatus();

  /**
   * Claims one due task, if any, and works it in the calling thread. Workers do this in a loop;
   * tests and embedders that bring their own threads call it directly.
   *
   * @return whether a task was claimed
   */
  boolean workOnce();

  /**
   * Runs the periodic sweeps once in the calling thread: fails tasks abandoned past their
   * attempts (refunding them), retries refunds that are due, and starts a scheduled commission
   * when one is due. Workers do this on their maintenance interval.
   */
  void maintain();

  /**
   * Returns the settings of scheduled free commissions.
   *
   * @return the settings stored for every node
   */
  SchedulerSettings schedule();

  /**
   * Replaces the settings of scheduled free commissions, for every node.
   *
   * @param settings the new settings
   * @return the settings as stored
   */
  SchedulerSettings updateSchedule(SchedulerSettings settings);

  /**
   * Starts a scheduled commission now, whatever the schedule says.
   *
   * @return the new task
   * @throws CommissionRejectedException if the schedule names an unfit subreddit
   */
  Task runScheduleNow();

  /**
   * Starts a scheduled commission if one is due, on at most one node.
   *
   * @return the task started, or empty when none was due or another node started it
   */
  Optional<Task> runScheduleIfDue();

  /**
   * A checkout created for a commission.
   *
   * @param session the gateway's checkout, to redirect the payer to
   * @param donation the pending donation
   */
  record CheckoutStarted(CheckoutSession session, Donation donation) {
  }

  /**
   * A payment intent created for a commission.
   *
   * @param intent the gateway's intent, whose client secret the page confirms
   * @param donation the pending donation
   */
  record PaymentIntentStarted(PaymentIntent intent, Donation donation) {
  }

  /**
   * What the workers of one instance are doing.
   *
   * @param running whether the worker threads run
   * @param workers how many worker threads there are when running
   * @param busy how many are working on a task right now
   */
  record WorkerStatus(boolean running, int workers, int busy) {
  }
}
