package ai.clouvel.core.commission;

import ai.clouvel.core.content.ContentSource;
import ai.clouvel.core.content.PostFilter;
import ai.clouvel.core.donation.CommissionRules;
import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.donation.DonationSource;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.event.EventBus;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.payment.CheckoutSession;
import ai.clouvel.core.payment.PaymentEvent;
import ai.clouvel.core.payment.PaymentGateway;
import ai.clouvel.core.payment.PaymentIntent;
import ai.clouvel.core.payment.PaymentMetadata;
import ai.clouvel.core.payment.PaymentRequest;
import ai.clouvel.core.pipeline.ProductPipeline;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.core.time.Sleeper;
import ai.clouvel.core.time.Ticker;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything about commissions in one place: validation, checkout, webhooks, manual and scheduled
 * commissions, the workers and refunds. Obtain it from {@link ai.clouvel.core.Clouvel#commissions()}.
 */
public final class Commissions implements AutoCloseable {
  private final PaymentGateway gateway;
  private final CommissionValidator validator;
  private final Fulfilment fulfilment;
  private final Refunds refunds;
  private final CommissionWorker worker;
  private final CommissionScheduler scheduler;
  private final WorkerPool pool;
  private final ClouvelStore store;
  private final EventBus events;
  private final CommissionRules rules;
  private final Clock clock;

  /**
   * Wires the commission engine. Most users call {@link ai.clouvel.core.Clouvel#commissions()}.
   *
   * @param store the store
   * @param gateway the payment gateway
   * @param pipeline the product pipeline
   * @param content where posts are checked
   * @param rules tiers and minimums
   * @param filter which posts are fit to illustrate
   * @param settings how commissions are worked on
   * @param events where progress is published
   * @param ticker paces lease renewals
   * @param clock what time it is
   * @param sleeper how idle workers wait
   */
  public Commissions(ClouvelStore store, PaymentGateway gateway, ProductPipeline pipeline, ContentSource content,
      CommissionRules rules, PostFilter filter, CommissionSettings settings, EventBus events, Ticker ticker,
      Clock clock, Sleeper sleeper) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.validator = new CommissionValidator(content, store.posts(), rules, filter, clock);
    this.refunds = new Refunds(store, gateway, events, settings, clock);
    this.fulfilment = new Fulfilment(store, rules, settings, events, refunds, gateway.id(), clock);
    this.worker = new CommissionWorker(store, pipeline, refunds, events, ticker, settings, clock);
    this.store = store;
    this.events = events;
    this.rules = rules;
    this.clock = clock;
    this.scheduler = new CommissionScheduler(store, fulfilment, settings, clock);
    this.pool = new WorkerPool(worker, this::maintain, settings, sleeper);
  }

  /**
   * Validates a request without creating anything.
   *
   * @param request the request
   * @return the validated request
   * @throws CommissionRejectedException if it cannot be accepted
   */
  public ValidatedCommission validate(CommissionRequest request) {
    return validator.validate(request);
  }

  /**
   * Validates a request, creates a hosted checkout for it, and records the pending donation.
   *
   * @param request the request
   * @param successUrl where the payer goes after paying
   * @param cancelUrl where the payer goes on cancel
   * @return the checkout and the pending donation
   * @throws CommissionRejectedException if the request cannot be accepted
   */
  public CheckoutStarted startCheckout(CommissionRequest request, String successUrl, String cancelUrl) {
    ValidatedCommission validated = validator.validate(request);
    CheckoutSession session = gateway.createCheckoutSession(paymentRequest(validated, PaymentMetadata.FLOW_CHECKOUT,
        successUrl, cancelUrl));
    Donation donation = fulfilment.recordPending(validated, session.sessionId());
    return new CheckoutStarted(session, donation);
  }

  /**
   * Validates a request, creates a payment intent for it, and records the pending donation.
   *
   * @param request the request
   * @return the payment intent and the pending donation
   * @throws CommissionRejectedException if the request cannot be accepted
   */
  public PaymentIntentStarted startPaymentIntent(CommissionRequest request) {
    ValidatedCommission validated = validator.validate(request);
    PaymentIntent intent = gateway.createPaymentIntent(paymentRequest(validated, PaymentMetadata.FLOW_PAYMENT_INTENT,
        null, null));
    Donation donation = fulfilment.recordPending(validated, intent.paymentIntentId());
    return new PaymentIntentStarted(intent, donation);
  }

  /**
   * Verifies a webhook and acts on it. Replays and events of payments Clouvel did not create are
   * acknowledged without effect.
   *
   * @param payload the raw body
   * @param signature the signature header
   * @return what happened
   * @throws ai.clouvel.core.payment.InvalidWebhookException if the signature does not verify
   */
  public FulfilmentOutcome handleWebhook(String payload, String signature) {
    return handle(gateway.parseWebhook(payload, signature));
  }

  /**
   * Acts on a verified payment event.
   *
   * @param event the event
   * @return what happened
   */
  public FulfilmentOutcome handle(PaymentEvent event) {
    if (event instanceof PaymentEvent.Succeeded succeeded) {
      return fulfilment.paymentSucceeded(succeeded);
    }
    if (event instanceof PaymentEvent.Failed failed) {
      return fulfilment.paymentFailed(failed);
    }
    if (event instanceof PaymentEvent.Refunded refunded) {
      return refunds.reconcile(refunded);
    }
    return fulfilment.ignored((PaymentEvent.Ignored) event);
  }

  /**
   * Creates a commission without payment, for an admin. The amount is recorded but not charged,
   * and is never refunded through the gateway. It is zero, or within the accepted range, like any
   * other donation's, since it counts in the public totals.
   *
   * @param request the commission
   * @return the task
   * @throws CommissionRejectedException if the amount is out of range or the subreddit or post is unfit
   */
  public Task createManual(CommissionRequest request) {
    if (request.donationType() != DonationType.COMMISSION) {
      throw new CommissionRejectedException("invalid_donation_type", "donation_type",
          "manual donations are commissions");
    }
    Money amount = request.amount();
    if (!amount.equals(Money.ZERO)
        && (amount.compareTo(rules.minimumAmount()) < 0 || amount.compareTo(rules.maximumAmount()) > 0)) {
      throw new CommissionRejectedException("invalid_amount", "amount_usd", "amount must be $0.00 (free) or between $"
          + rules.minimumAmount().toUsdString() + " and $" + rules.maximumAmount().toUsdString());
    }
    ValidatedCommission validated = validator.validateContent(request);
    return fulfilment.createUnpaid(validated.request(), DonationSource.MANUAL, "manual_" + UUID.randomUUID(),
        validated.quality());
  }

  /**
   * Cancels a pending or running commission, for an admin: the task becomes {@code cancelled}, its
   * post is freed and any draft product discarded, and a paid donation is refunded exactly once,
   * like a failure, all decided in one transaction. A running pipeline stops at its next stage
   * boundary and saves nothing; subscribers get a {@code cancelled} update.
   *
   * @param taskId the task
   * @return the cancelled task
   * @throws CommissionActionException if there is no such task ({@code task_not_found}) or it is
   *     not pending or running ({@code not_cancellable})
   */
  public Task cancel(String taskId) {
    Task task = store.tasks().find(taskId).orElseThrow(() -> CommissionActionException.notFound(taskId));
    boolean refundDecided = store.inTransaction(tx -> {
      if (!tx.tasks().cancel(taskId)) {
        Task now = tx.tasks().find(taskId).orElse(task);
        throw new CommissionActionException("not_cancellable",
            "only pending or running tasks can be cancelled; this one is " + now.status().wireName());
      }
      tx.posts().release(taskId);
      tx.products().discardDraft(taskId);
      return task.donationId() != null && refunds.decide(tx, task.donationId(), "cancelled by an admin");
    });
    Task cancelled = store.tasks().find(taskId).orElseThrow();
    events.publish(new ClouvelEvent.TaskUpdated(taskId, TaskStatus.CANCELLED, cancelled.progress(), null,
        cancelled.error(), clock.instant()));
    if (refundDecided) {
      refunds.afterDecision(task.donationId());
    }
    return cancelled;
  }

  /**
   * Retries a failed or cancelled commission, for an admin. A commission whose donation is being
   * refunded or was refunded is never made again: the money has gone back.
   *
   * @param taskId the task
   * @return the task, pending again
   * @throws CommissionActionException if there is no such task ({@code task_not_found}), it is not
   *     failed or cancelled ({@code not_retryable}), or its donation is refunded or being refunded
   *     ({@code refunded})
   */
  public Task retry(String taskId) {
    Task task = store.tasks().find(taskId).orElseThrow(() -> CommissionActionException.notFound(taskId));
    store.inTransaction(tx -> {
      if (task.donationId() != null) {
        DonationStatus paid = tx.donations().find(task.donationId()).map(Donation::status).orElse(null);
        if (paid == DonationStatus.REFUND_PENDING || paid == DonationStatus.REFUNDED) {
          throw new CommissionActionException("refunded",
              "the commission's donation is " + paid.wireName() + "; a refunded commission is not made again");
        }
      }
      if (!tx.tasks().retry(taskId)) {
        Task now = tx.tasks().find(taskId).orElse(task);
        throw new CommissionActionException("not_retryable",
            "only failed or cancelled tasks can be retried; this one is " + now.status().wireName());
      }
      return null;
    });
    Task retried = store.tasks().find(taskId).orElseThrow();
    events.publish(new ClouvelEvent.TaskUpdated(taskId, retried.status(), retried.progress(), null, null,
        clock.instant()));
    return retried;
  }

  /**
   * Runs the periodic chores once: fails abandoned tasks (refunding them), retries due refunds,
   * and creates the scheduled commission if one is due.
   */
  public void maintain() {
    worker.failAbandoned();
    refunds.retryDue();
    scheduler.tick();
  }

  /**
   * Returns the payment gateway.
   *
   * @return the gateway
   */
  public PaymentGateway gateway() {
    return gateway;
  }

  /**
   * Returns the idempotent fulfilment function.
   *
   * @return the fulfilment
   */
  public Fulfilment fulfilment() {
    return fulfilment;
  }

  /**
   * Returns the refunds.
   *
   * @return the refunds
   */
  public Refunds refunds() {
    return refunds;
  }

  /**
   * Returns a worker, for running tasks on the caller's thread.
   *
   * @return the worker
   */
  public CommissionWorker worker() {
    return worker;
  }

  /**
   * Returns the scheduler of free commissions.
   *
   * @return the scheduler
   */
  public CommissionScheduler scheduler() {
    return scheduler;
  }

  /**
   * Returns the worker pool; call {@link WorkerPool#start()} to begin working.
   *
   * @return the pool
   */
  public WorkerPool workers() {
    return pool;
  }

  /** Stops the worker pool, waiting for tasks in flight. */
  @Override
  public void close() {
    pool.close();
  }

  private static PaymentRequest paymentRequest(ValidatedCommission validated, String flow, String successUrl,
      String cancelUrl) {
    CommissionRequest request = validated.request();
    String tier = validated.tierName();
    String product = request.donationType() == DonationType.SUPPORT
        ? "Support for a post in r/" + request.subreddit()
        : (tier == null ? "" : capitalize(tier) + " ") + "commission: "
            + request.commissionType().wireName().replace('_', ' ');
    return new PaymentRequest(request.amount(), product, request.donor().email(),
        CommissionMetadata.of(request, tier, flow), successUrl, cancelUrl);
  }

  private static String capitalize(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }

  /**
   * A checkout that was created.
   *
   * @param session the checkout page
   * @param donation the pending donation
   */
  public record CheckoutStarted(CheckoutSession session, Donation donation) {
  }

  /**
   * A payment intent that was created.
   *
   * @param intent the payment intent
   * @param donation the pending donation
   */
  public record PaymentIntentStarted(PaymentIntent intent, Donation donation) {
  }
}
