package ai.clouvel.core.commission.internal;

import ai.clouvel.core.commission.CommissionRequest;
import ai.clouvel.core.commission.CommissionSettings;
import ai.clouvel.core.commission.FulfilmentOutcome;
import ai.clouvel.core.commission.ValidatedCommission;
import ai.clouvel.core.donation.CommissionRules;
import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.donation.DonationSource;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.NewDonation;
import ai.clouvel.core.donation.Tier;
import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.event.EventBus;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.payment.GatewayId;
import ai.clouvel.core.payment.InvalidWebhookException;
import ai.clouvel.core.payment.PaymentEvent;
import ai.clouvel.core.payment.PaymentRefs;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.core.task.CommissionSpec;
import ai.clouvel.core.task.NewTask;
import ai.clouvel.core.task.Task;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns payments into donations and commission tasks: one idempotent function keyed by the payment
 * id, safe to call from a webhook, a replay, or anywhere else. The event id, the donation and the
 * task are recorded in one transaction, so a paid commission never exists without its task, nor
 * twice. The paid amount is checked again against the commission type; an underpaid commission is
 * refunded instead of made.
 */
final class Fulfilment {
  private static final Logger log = LoggerFactory.getLogger(Fulfilment.class);

  private final ClouvelStore store;
  private final CommissionRules rules;
  private final CommissionSettings settings;
  private final EventBus events;
  private final Refunds refunds;
  private final GatewayId gateway;
  private final Clock clock;

  Fulfilment(ClouvelStore store, CommissionRules rules, CommissionSettings settings, EventBus events,
      Refunds refunds, GatewayId gateway, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.events = Objects.requireNonNull(events, "events");
    this.refunds = Objects.requireNonNull(refunds, "refunds");
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Records that a payment succeeded: the donation becomes paid and, for a commission, its task is
   * enqueued, all in one transaction. Calling it again with the same event, or with another event
   * of the same payment, changes nothing.
   *
   * @param event the verified event
   * @return what happened
   * @throws InvalidWebhookException if the event cannot describe a payment Clouvel made (an amount
   *     outside the accepted range, metadata that no request of Clouvel's has); nothing is recorded
   */
  FulfilmentOutcome paymentSucceeded(PaymentEvent.Succeeded event) {
    List<ClouvelEvent> published = new ArrayList<>();
    FulfilmentOutcome outcome = store.inTransaction(tx -> {
      if (!tx.donations().recordEvent(event.eventId(), event.type(), event.paymentId())) {
        return FulfilmentOutcome.of(FulfilmentOutcome.Result.REPLAYED);
      }
      Optional<Donation> existing = tx.donations().findByRef(gateway, event.paymentId());
      if (existing.isPresent() && existing.get().status() != DonationStatus.PENDING) {
        return new FulfilmentOutcome(FulfilmentOutcome.Result.ALREADY_FULFILLED, existing.get(), null);
      }
      Optional<CommissionRequest> paid = CommissionMetadata.read(event.metadata(), event.amount(),
          event.customerEmail());
      if (existing.isEmpty() && paid.isEmpty()) {
        return FulfilmentOutcome.of(FulfilmentOutcome.Result.NOT_OURS);
      }
      checkInRange(event);
      Donation donation = existing.isPresent()
          ? markPaid(tx, existing.get(), event)
          : tx.donations().insert(newDonation(paid.get(), DonationSource.GATEWAY, gateway, event.paymentId(),
              DonationStatus.SUCCEEDED, event.refs()));
      published.add(new ClouvelEvent.DonationUpdated(donation, clock.instant()));
      if (donation.type() != DonationType.COMMISSION) {
        return new FulfilmentOutcome(FulfilmentOutcome.Result.FULFILLED, donation, null);
      }
      Optional<String> shortfall = "usd".equalsIgnoreCase(event.currency())
          ? rules.checkAmount(DonationType.COMMISSION, donation.commissionType(), donation.amount())
          : Optional.of("payments must be in US dollars, not " + event.currency());
      if (shortfall.isPresent()) {
        log.warn("Payment {} does not cover its commission ({}); refunding", event.paymentId(), shortfall.get());
        tx.donations().transition(donation.id(), DonationStatus.SUCCEEDED, DonationStatus.REFUND_PENDING);
        return new FulfilmentOutcome(FulfilmentOutcome.Result.UNDERPAID, donation, null);
      }
      Task task = tx.tasks().enqueue(newTask(donation.id(), donation.commissionType(), donation.subreddit(),
          donation.postId(), rules.tiers().qualityFor(donation.amount()), donation.message()));
      published.add(new ClouvelEvent.TaskCreated(task, clock.instant()));
      return new FulfilmentOutcome(FulfilmentOutcome.Result.FULFILLED, donation, task);
    });
    published.forEach(events::publish);
    if (outcome.result() == FulfilmentOutcome.Result.UNDERPAID) {
      refunds.attemptPending(outcome.donation().id());
    }
    log.info("Payment {} ({}): {}", event.paymentId(), event.type(), outcome.result());
    return outcome;
  }

  /**
   * Records that a payment failed.
   *
   * @param event the verified event
   * @return what happened
   */
  FulfilmentOutcome paymentFailed(PaymentEvent.Failed event) {
    return store.inTransaction(tx -> {
      if (!tx.donations().recordEvent(event.eventId(), event.type(), event.paymentId())) {
        return FulfilmentOutcome.of(FulfilmentOutcome.Result.REPLAYED);
      }
      Optional<Donation> donation = tx.donations().findByRef(gateway, event.paymentId());
      if (donation.isEmpty()) {
        return FulfilmentOutcome.of(FulfilmentOutcome.Result.NOT_OURS);
      }
      tx.donations().transition(donation.get().id(), DonationStatus.PENDING, DonationStatus.FAILED);
      return new FulfilmentOutcome(FulfilmentOutcome.Result.PAYMENT_FAILED, donation.get(), null);
    });
  }

  /**
   * Acknowledges an event Clouvel does not act on, recording its id.
   *
   * @param event the verified event
   * @return {@link FulfilmentOutcome.Result#IGNORED}, or replayed
   */
  FulfilmentOutcome ignored(PaymentEvent.Ignored event) {
    boolean fresh = store.donations().recordEvent(event.eventId(), event.type(), null);
    return FulfilmentOutcome.of(fresh ? FulfilmentOutcome.Result.IGNORED : FulfilmentOutcome.Result.REPLAYED);
  }

  /**
   * Records a pending donation when a checkout or payment intent is created at the gateway.
   *
   * @param validated the validated request
   * @param paymentId the gateway's id of the payment
   * @return the pending donation
   */
  Donation recordPending(ValidatedCommission validated, String paymentId) {
    Donation donation = store.donations().insert(newDonation(validated.request(), DonationSource.GATEWAY, gateway,
        paymentId, DonationStatus.PENDING, PaymentRefs.NONE));
    events.publish(new ClouvelEvent.DonationUpdated(donation, clock.instant()));
    return donation;
  }

  /**
   * Creates a commission that is not paid through a gateway (by an admin, or the scheduler): the
   * donation and its task in one transaction, through the same path as paid ones.
   *
   * @param request the commission; its amount may be zero
   * @param source {@link DonationSource#MANUAL} or {@link DonationSource#SCHEDULED}
   * @param paymentId a unique id; creating the same id twice returns the first task
   * @param quality the image quality
   * @return the task
   */
  Task createUnpaid(CommissionRequest request, DonationSource source, String paymentId, ImageQuality quality) {
    if (source != DonationSource.MANUAL && source != DonationSource.SCHEDULED) {
      throw new IllegalArgumentException("unpaid commissions are manual or scheduled, not " + source);
    }
    List<ClouvelEvent> published = new ArrayList<>();
    Task task = store.inTransaction(tx -> {
      Optional<Donation> existing = tx.donations().findByPaymentId(paymentId);
      if (existing.isPresent()) {
        return tx.tasks().findByDonation(existing.get().id()).orElseThrow();
      }
      Donation donation = tx.donations().insert(newDonation(request, source, null, paymentId,
          DonationStatus.SUCCEEDED, PaymentRefs.NONE));
      Task created = tx.tasks().enqueue(newTask(donation.id(), request.commissionType(), request.subreddit(),
          request.postId(), quality, request.message()));
      published.add(new ClouvelEvent.DonationUpdated(donation, clock.instant()));
      published.add(new ClouvelEvent.TaskCreated(created, clock.instant()));
      return created;
    });
    published.forEach(events::publish);
    return task;
  }

  private Donation markPaid(ClouvelStore tx, Donation pending, PaymentEvent.Succeeded event) {
    tx.donations().addRefs(pending.id(), event.refs());
    if (!tx.donations().transition(pending.id(), DonationStatus.PENDING, DonationStatus.SUCCEEDED)) {
      throw new IllegalStateException("donation " + pending.id() + " changed while being fulfilled");
    }
    if (!pending.amount().equals(event.amount())) {
      log.warn("Payment {} paid {} for a donation of {}", event.paymentId(), event.amount(), pending.amount());
      tx.donations().recordPaidAmount(pending.id(), event.amount(),
          rules.tiers().tierFor(event.amount()).map(Tier::name).orElse(null));
    }
    return tx.donations().find(pending.id()).orElseThrow();
  }

  private void checkInRange(PaymentEvent.Succeeded event) {
    Money paid = event.amount();
    if (paid.compareTo(rules.minimumAmount()) < 0 || paid.compareTo(rules.maximumAmount()) > 0) {
      log.warn("Refused payment event {}: its amount is outside ${}-${}", event.eventId(),
          rules.minimumAmount().toUsdString(), rules.maximumAmount().toUsdString());
      throw new InvalidWebhookException("the paid amount is outside $" + rules.minimumAmount().toUsdString()
          + " to $" + rules.maximumAmount().toUsdString(), null);
    }
  }

  private NewDonation newDonation(CommissionRequest request, DonationSource source, GatewayId via, String paymentId,
      DonationStatus status, PaymentRefs refs) {
    Money amount = request.amount();
    String tier = rules.tiers().tierFor(amount).map(Tier::name).orElse(null);
    return new NewDonation(paymentId, source, status, amount, tier, request.donationType(),
        request.commissionType(), request.subreddit(), request.postId(), request.donor(), request.message(), via,
        refs);
  }

  private NewTask newTask(Long donationId, CommissionType type, String subreddit, String postId,
      ImageQuality quality, String message) {
    String post = type == CommissionType.SPECIFIC_POST ? postId : null;
    String sub = type == CommissionType.RANDOM_RANDOM ? null : subreddit;
    return new NewTask(UUID.randomUUID().toString(), donationId, new CommissionSpec(type, sub, post, quality, message),
        settings.maxAttempts(), clock.instant());
  }
}
