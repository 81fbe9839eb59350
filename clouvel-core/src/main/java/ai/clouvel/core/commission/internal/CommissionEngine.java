package ai.clouvel.core.commission.internal;

import ai.clouvel.core.commission.CommissionActionException;
import ai.clouvel.core.commission.CommissionRejectedException;
import ai.clouvel.core.commission.CommissionRequest;
import ai.clouvel.core.commission.CommissionSettings;
import ai.clouvel.core.commission.Commissions;
import ai.clouvel.core.commission.FulfilmentOutcome;
import ai.clouvel.core.commission.ValidatedCommission;
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
import ai.clouvel.core.pipeline.internal.PipelineEngine;
import ai.clouvel.core.schedule.SchedulerSettings;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.core.time.Sleeper;
import ai.clouvel.core.time.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The commission engine behind {@link Commissions}: it wires the validator, fulfilment, refunds,
 * worker, scheduler and worker pool, which are package-private, and offers only their actions.
 * Public so that {@link ai.clouvel.core.Clouvel} can build it; its package is not exported.
 */
public final class CommissionEngine implements Commissions, AutoCloseable {
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
  private final String workerId = "caller-" + UUID.randomUUID();

  /**
   * Wires the commission engine.
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
  public CommissionEngine(ClouvelStore store, PaymentGateway gateway, PipelineEngine pipeline, ContentSource content,
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

  @Override
  public ValidatedCommission validate(CommissionRequest request) {
    return validator.validate(request);
  }

  @Override
  public CheckoutStarted startCheckout(CommissionRequest request, String successUrl, String cancelUrl) {
    ValidatedCommission validated = validator.validate(request);
    CheckoutSession session = gateway.createCheckoutSession(paymentRequest(validated, PaymentMetadata.FLOW_CHECKOUT,
        successUrl, cancelUrl));
    Donation donation = fulfilment.recordPending(validated, session.sessionId());
    return new CheckoutStarted(session, donation);
  }

  @Override
  public PaymentIntentStarted startPaymentIntent(CommissionRequest request) {
    ValidatedCommission validated = validator.validate(request);
    PaymentIntent intent = gateway.createPaymentIntent(paymentRequest(validated, PaymentMetadata.FLOW_PAYMENT_INTENT,
        null, null));
    Donation donation = fulfilment.recordPending(validated, intent.paymentIntentId());
    return new PaymentIntentStarted(intent, donation);
  }

  @Override
  public FulfilmentOutcome handleWebhook(String payload, String signature) {
    return handle(gateway.parseWebhook(payload, signature));
  }

  @Override
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

  @Override
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

  @Override
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

  @Override
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

  @Override
  public void maintain() {
    worker.failAbandoned();
    refunds.retryDue();
    scheduler.tick();
  }

  @Override
  public void startWorkers() {
    pool.start();
  }

  @Override
  public void stopWorkers(Duration grace) {
    pool.stop(grace);
  }

  @Override
  public WorkerStatus workerStatus() {
    return new WorkerStatus(pool.isRunning(), pool.size(), pool.busyWorkers());
  }

  @Override
  public boolean workOnce() {
    return worker.runOnce(workerId);
  }

  @Override
  public SchedulerSettings schedule() {
    return store.scheduler().load();
  }

  @Override
  public SchedulerSettings updateSchedule(SchedulerSettings settings) {
    store.scheduler().save(Objects.requireNonNull(settings, "settings"));
    return store.scheduler().load();
  }

  @Override
  public Task runScheduleNow() {
    return scheduler.runNow();
  }

  @Override
  public Optional<Task> runScheduleIfDue() {
    return scheduler.tick();
  }

  PaymentGateway gateway() {
    return gateway;
  }

  Fulfilment fulfilment() {
    return fulfilment;
  }

  Refunds refunds() {
    return refunds;
  }

  CommissionWorker worker() {
    return worker;
  }

  CommissionScheduler scheduler() {
    return scheduler;
  }

  WorkerPool workers() {
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
    // The payer's line item names what was chosen, so the checkout page shows the subreddit or post.
    String product = request.donationType() == DonationType.SUPPORT
        ? "Support for a post in r/" + request.subreddit()
        : (tier == null ? "" : capitalize(tier) + " ") + "commission: " + switch (request.commissionType()) {
          case RANDOM_RANDOM -> "any post";
          case RANDOM_SUBREDDIT -> "a post from r/" + request.subreddit();
          case SPECIFIC_POST -> "the post " + request.postId();
        };
    return new PaymentRequest(request.amount(), product, request.donor().email(),
        CommissionMetadata.of(request, tier, flow), successUrl, cancelUrl);
  }

  private static String capitalize(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }


}
