package ai.clouvel.core.commission.internal;

import ai.clouvel.core.commission.CommissionSettings;
import ai.clouvel.core.commission.FulfilmentOutcome;
import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.donation.DonationSource;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.event.EventBus;
import ai.clouvel.core.payment.PaymentEvent;
import ai.clouvel.core.payment.PaymentGateway;
import ai.clouvel.core.payment.PaymentRefs;
import ai.clouvel.core.payment.Refund;
import ai.clouvel.core.payment.RefundRequest;
import ai.clouvel.core.store.ClouvelStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refunds exactly once. The decision to refund is recorded first (the donation becomes
 * {@code refund_pending}, which only one caller can do, in the same transaction that fails or
 * cancels the commission's task); then the gateway that took the money is asked, with an
 * idempotency key derived from the donation, so that retries after a failed call never refund
 * twice; then the outcome is recorded. Refunds made elsewhere are reconciled from the gateway's
 * refund events. Donations that did not come through a gateway are never sent to one.
 */
final class Refunds {
  private static final Logger log = LoggerFactory.getLogger(Refunds.class);
  /** The reference kind under which the gateway's refund id is stored. */
  static final String REFUND_REF = "refund";
  private static final int BATCH = 50;

  private final ClouvelStore store;
  private final PaymentGateway gateway;
  private final EventBus events;
  private final CommissionSettings settings;
  private final Clock clock;

  Refunds(ClouvelStore store, PaymentGateway gateway, EventBus events, CommissionSettings settings, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.events = Objects.requireNonNull(events, "events");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Decides, inside the caller's transaction, to refund a paid donation: only the first decision
   * for a donation succeeds, and donations that did not come through a gateway are never refunded.
   * After the transaction commits, call {@link #attemptPending} to send the refund.
   *
   * @param tx the transaction's store
   * @param donationId the donation
   * @param reason why, for the log
   * @return {@code true} if this call decided the refund
   */
  boolean decide(ClouvelStore tx, long donationId, String reason) {
    Optional<Donation> found = tx.donations().find(donationId);
    if (found.isEmpty()) {
      return false;
    }
    Donation donation = found.get();
    if (donation.source() != DonationSource.GATEWAY) {
      log.info("Commission of {} donation {} ended without a product; nothing to refund",
          donation.source().wireName(), donationId);
      return false;
    }
    if (!tx.donations().transition(donationId, DonationStatus.SUCCEEDED, DonationStatus.REFUND_PENDING)) {
      return false;
    }
    log.info("Refunding donation {} ({}): {}", donationId, donation.paymentId(), reason);
    return true;
  }

  /**
   * Refunds the donation of a commission that ended without a product. Only the first call for a
   * donation does anything.
   *
   * @param donationId the donation
   * @param reason why
   * @return {@code true} if this call decided the refund
   */
  boolean refundFailedCommission(long donationId, String reason) {
    if (!store.inTransaction(tx -> decide(tx, donationId, reason))) {
      return false;
    }
    afterDecision(donationId);
    return true;
  }

  /**
   * Publishes a decided refund and sends it to the gateway; call it after the transaction that
   * decided the refund committed.
   *
   * @param donationId the donation
   */
  void afterDecision(long donationId) {
    publish(donationId);
    attemptPending(donationId);
  }

  /**
   * Asks the gateway for a refund that was decided but not yet made. Safe to call repeatedly and
   * concurrently: the idempotency key makes every attempt the same refund.
   *
   * @param donationId the donation
   * @return {@code true} if the donation is refunded now
   */
  boolean attemptPending(long donationId) {
    Optional<Donation> found = store.donations().find(donationId);
    if (found.isEmpty() || found.get().status() != DonationStatus.REFUND_PENDING) {
      return found.isPresent() && found.get().status() == DonationStatus.REFUNDED;
    }
    Donation donation = found.get();
    if (!gateway.id().equals(donation.gateway())) {
      store.donations().refundAttemptFailed(donationId, "paid through " + donation.gateway()
          + " but the gateway is " + gateway.id(), clock.instant().plus(settings.refundRetryInterval()));
      return false;
    }
    try {
      Refund refund = gateway.refund(new RefundRequest(donation.paymentId(), donation.refs(),
          donation.amount(), idempotencyKey(donation), "commission could not be completed"));
      if (refund.refundId() != null) {
        store.donations().addRefs(donationId, PaymentRefs.of(REFUND_REF, refund.refundId()));
      }
      if (store.donations().transition(donationId, DonationStatus.REFUND_PENDING, DonationStatus.REFUNDED)) {
        publish(donationId);
      }
      return true;
    } catch (RuntimeException e) {
      log.warn("Refund of donation {} failed, will try again: {}", donationId, e.getMessage());
      store.donations().refundAttemptFailed(donationId, String.valueOf(e.getMessage()),
          clock.instant().plus(settings.refundRetryInterval()));
      return false;
    }
  }

  /**
   * Tries again every refund whose retry time has come.
   *
   * @return how many were refunded now
   */
  int retryDue() {
    int refunded = 0;
    Instant settled = clock.instant().minus(settings.refundRetryInterval());
    for (Donation donation : store.donations().refundsDue(clock.instant(), BATCH)) {
      if (donation.updatedAt().isAfter(settled)) {
        // Decided a moment ago: its decider is sending it now. The sweep is for refunds whose
        // attempt failed or whose decider died, so that one refund is not sent twice at once.
        continue;
      }
      if (attemptPending(donation.id())) {
        refunded++;
      }
    }
    return refunded;
  }

  /**
   * Reconciles a refund reported by the gateway, whoever made it.
   *
   * @param event the verified event
   * @return what happened
   */
  FulfilmentOutcome reconcile(PaymentEvent.Refunded event) {
    FulfilmentOutcome outcome = store.inTransaction(tx -> {
      String firstRef = event.refs().all().stream().findFirst().orElse(null);
      if (!tx.donations().recordEvent(event.eventId(), event.type(), firstRef)) {
        return FulfilmentOutcome.of(FulfilmentOutcome.Result.REPLAYED);
      }
      Optional<Donation> donation = event.refs().all().stream()
          .map(ref -> tx.donations().findByRef(gateway.id(), ref))
          .flatMap(Optional::stream)
          .findFirst();
      if (donation.isEmpty()) {
        return FulfilmentOutcome.of(FulfilmentOutcome.Result.NOT_OURS);
      }
      if (!event.fullyRefunded()) {
        return new FulfilmentOutcome(FulfilmentOutcome.Result.IGNORED, donation.get(), null);
      }
      long id = donation.get().id();
      tx.donations().addRefs(id, event.refs());
      boolean changed = tx.donations().transition(id, DonationStatus.REFUND_PENDING, DonationStatus.REFUNDED)
          || tx.donations().transition(id, DonationStatus.SUCCEEDED, DonationStatus.REFUNDED);
      return new FulfilmentOutcome(changed ? FulfilmentOutcome.Result.REFUND_RECONCILED
          : FulfilmentOutcome.Result.ALREADY_FULFILLED, donation.get(), null);
    });
    if (outcome.result() == FulfilmentOutcome.Result.REFUND_RECONCILED) {
      publish(outcome.donation().id());
    }
    return outcome;
  }

  /**
   * Returns the idempotency key of a donation's refund: the same for every attempt.
   *
   * @param donation the donation
   * @return the key
   */
  static String idempotencyKey(Donation donation) {
    return "clouvel-refund-" + donation.id() + "-" + donation.paymentId();
  }

  private void publish(long donationId) {
    store.donations().find(donationId)
        .ifPresent(d -> events.publish(new ClouvelEvent.DonationUpdated(d, clock.instant())));
  }
}
