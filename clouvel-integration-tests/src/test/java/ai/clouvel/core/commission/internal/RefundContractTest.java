package ai.clouvel.core.commission.internal;

import static ai.clouvel.core.commission.internal.CommissionFixture.randomSubreddit;
import static ai.clouvel.core.commission.internal.CommissionFixture.specificPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.commission.CommissionRejectedException;
import ai.clouvel.core.commission.CommissionRequest;
import ai.clouvel.core.commission.CommissionSettings;
import ai.clouvel.core.commission.FulfilmentOutcome.Result;
import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.donation.DonationSource;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.Donor;
import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.payment.PaymentEvent;
import ai.clouvel.core.payment.PaymentMetadata;
import ai.clouvel.core.payment.PaymentRefs;
import ai.clouvel.core.payment.Refund;
import ai.clouvel.core.provider.ContentRejectedException;
import ai.clouvel.core.provider.ProviderUnavailableException;
import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.store.testing.TestStores;
import ai.clouvel.test.fakes.FakePaymentGateway;
import ai.clouvel.test.time.RecordingSleeper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refunds through a gateway, on each database: decided once, sent once, retried at their time, swept
 * up when their sender died, reconciled when made elsewhere, and every change published. Also what a
 * payment's amount and currency decide, and what an admin may create without payment.
 */
@ExtendWith(TestStores.Extension.class)
abstract class RefundContractTest {
  private static final Duration RETRY = CommissionSettings.DEFAULTS.refundRetryInterval();

  @TempDir
  Path directory;

  private CommissionFixture f;
  private final FakePaymentGateway gateway = new FakePaymentGateway();

  protected abstract TestStores.Kind kind();

  @BeforeEach
  void start(TestStores stores) throws Exception {
    f = new CommissionFixture(stores, kind(), directory, request -> {
      throw new ContentRejectedException("painter", "rejected");
    }, new RecordingSleeper(), builder -> builder.paymentGateway(gateway));
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private Donation paid(CommissionRequest request) {
    return f.checkoutAndPay(gateway, request);
  }

  private Donation now(Donation donation) {
    return f.store.donations().find(donation.id()).orElseThrow();
  }

  private List<DonationStatus> published(Donation donation) {
    return f.events(ClouvelEvent.DonationUpdated.class).stream().filter(e -> e.donation().id() == donation.id())
        .map(e -> e.donation().status()).toList();
  }

  @Test
  void aFailedCommissionIsRefundedThroughItsGatewayAndEveryStepIsPublished() {
    Donation donation = paid(specificPost("1h1k01", 2500));

    assertThat(f.engine.worker().runOnce("w1")).isTrue();

    Donation refunded = now(donation);
    assertThat(refunded.status()).isEqualTo(DonationStatus.REFUNDED);
    assertThat(refunded.refs().get("refund")).hasValue("tp_re_1");
    assertThat(refunded.refs().get("txn")).hasValue("txn_1");
    assertThat(gateway.refundRequests()).singleElement().satisfies(call -> {
      assertThat(call.paymentId()).isEqualTo(donation.paymentId());
      assertThat(call.amount()).isEqualTo(Money.ofCents(2500));
      assertThat(call.refs().get("txn")).hasValue("txn_1");
      assertThat(call.idempotencyKey()).isEqualTo(Refunds.idempotencyKey(donation))
          .isEqualTo("clouvel-refund-" + donation.id() + "-tp_cs_1");
      assertThat(call.reason()).isNotBlank();
    });
    assertThat(published(donation)).containsExactly(DonationStatus.PENDING, DonationStatus.SUCCEEDED,
        DonationStatus.REFUND_PENDING, DonationStatus.REFUNDED);
    assertThat(f.engine.refunds().attemptPending(donation.id())).as("already refunded").isTrue();
    assertThat(f.engine.refunds().refundFailedCommission(donation.id(), "again")).isFalse();
    assertThat(gateway.refundRequests()).hasSize(1);
  }

  @Test
  void aRefundWhoseSenderDiedIsSentByMaintenanceOnceTheRetryIntervalHasPassed() {
    Donation donation = paid(specificPost("1h1k01", 2500));
    Task task = f.store.tasks().findByDonation(donation.id()).orElseThrow();
    gateway.onNextRefund(request -> {
      throw new SenderDied();
    });
    assertThatThrownBy(() -> f.commissions.cancel(task.id())).isInstanceOf(SenderDied.class);
    assertThat(now(donation).status()).isEqualTo(DonationStatus.REFUND_PENDING);
    assertThat(gateway.refundRequests()).hasSize(1);

    f.commissions.maintain();
    f.clock.advance(RETRY.minusSeconds(1));
    f.commissions.maintain();
    assertThat(gateway.refundRequests()).as("its sender may still be sending it").hasSize(1);
    assertThat(now(donation).status()).isEqualTo(DonationStatus.REFUND_PENDING);

    f.clock.advance(Duration.ofSeconds(1));
    assertThat(f.engine.refunds().retryDue()).isEqualTo(1);
    assertThat(now(donation).status()).isEqualTo(DonationStatus.REFUNDED);
    assertThat(gateway.refundRequests()).hasSize(2).extracting(r -> r.idempotencyKey()).containsOnly(
        Refunds.idempotencyKey(donation));
    assertThat(published(donation)).endsWith(DonationStatus.REFUND_PENDING, DonationStatus.REFUNDED);

    f.clock.advance(Duration.ofHours(1));
    assertThat(f.engine.refunds().retryDue()).isZero();
    f.commissions.maintain();
    assertThat(gateway.refundRequests()).hasSize(2);
  }

  @Test
  void theSweeperDoesNotSendARefundWhileItsDeciderIsSendingIt() {
    Donation donation = paid(specificPost("1h1k01", 2500));
    AtomicInteger sentBySweeper = new AtomicInteger();
    gateway.onNextRefund(request -> {
      // Another node's maintenance runs while this refund is in flight.
      int before = gateway.refundRequests().size();
      f.commissions.maintain();
      sentBySweeper.set(gateway.refundRequests().size() - before);
      return new Refund("tp_re_slow", "succeeded");
    });

    f.engine.worker().runOnce("w1");

    assertThat(sentBySweeper.get()).isZero();
    assertThat(gateway.refundRequests()).hasSize(1);
    assertThat(now(donation).status()).isEqualTo(DonationStatus.REFUNDED);
    assertThat(now(donation).refs().get("refund")).hasValue("tp_re_slow");
  }

  @Test
  void aRefundTheGatewayRefusedIsTriedAgainAtItsRetryTimeAndNotBefore() {
    Donation donation = paid(specificPost("1h1k01", 2500));
    gateway.onNextRefund(request -> {
      throw new ProviderUnavailableException("test-pay", "HTTP 503", null);
    });
    gateway.onNextRefund(request -> {
      throw new ProviderUnavailableException("test-pay", "HTTP 503 again", null);
    });
    f.engine.worker().runOnce("w1");
    assertThat(now(donation).status()).isEqualTo(DonationStatus.REFUND_PENDING);

    f.clock.advance(RETRY.minusSeconds(1));
    assertThat(f.engine.refunds().retryDue()).isZero();
    assertThat(gateway.refundRequests()).hasSize(1);
    f.clock.advance(Duration.ofSeconds(1));
    assertThat(f.engine.refunds().retryDue()).as("refused again").isZero();
    assertThat(gateway.refundRequests()).hasSize(2);
    assertThat(now(donation).status()).isEqualTo(DonationStatus.REFUND_PENDING);

    f.clock.advance(RETRY);
    assertThat(f.engine.refunds().retryDue()).isEqualTo(1);
    assertThat(gateway.refundRequests()).hasSize(3);
    assertThat(now(donation).status()).isEqualTo(DonationStatus.REFUNDED);
  }

  @Test
  void aRefundWithoutAGatewayIdIsStillRecordedAsRefunded() {
    Donation donation = paid(specificPost("1h1k01", 2500));
    gateway.onNextRefund(request -> new Refund(null, "pending"));
    f.engine.worker().runOnce("w1");
    assertThat(now(donation).status()).isEqualTo(DonationStatus.REFUNDED);
    assertThat(now(donation).refs().get("refund")).isEmpty();
  }

  @Test
  void onlyPaidGatewayDonationsAreEverRefunded() {
    Donation paidOnly = paid(new CommissionRequest(Money.ofDollars(3), DonationType.SUPPORT, null, null, "1h1k01",
        Donor.UNKNOWN, ""));
    assertThat(f.store.tasks().findByDonation(paidOnly.id())).as("support makes nothing").isEmpty();
    assertThat(published(paidOnly)).containsExactly(DonationStatus.PENDING, DonationStatus.SUCCEEDED);
    assertThat(f.engine.refunds().attemptPending(paidOnly.id())).as("no refund was decided").isFalse();
    assertThat(f.engine.refunds().attemptPending(987654)).isFalse();
    assertThat(f.engine.refunds().refundFailedCommission(987654, "none")).isFalse();

    Task manual = f.commissions.createManual(randomSubreddit("cats", 1000));
    assertThat(f.engine.refunds().refundFailedCommission(manual.donationId(), "test")).isFalse();
    assertThat(f.store.donations().find(manual.donationId()).orElseThrow().status())
        .isEqualTo(DonationStatus.SUCCEEDED);
    assertThat(gateway.refundRequests()).isEmpty();
    assertThat(now(paidOnly).status()).isEqualTo(DonationStatus.SUCCEEDED);
  }

  @Test
  void refundsMadeElsewhereAreReconciledOnceAndPublished() {
    Donation first = paid(specificPost("1h1k01", 2500));
    Donation second = paid(specificPost("1h1k02", 2500));

    PaymentEvent.Refunded partial = new PaymentEvent.Refunded("tp_evt_partial", "test.refunded",
        PaymentRefs.of("txn", "txn_1"), false);
    assertThat(f.commissions.handle(partial).result()).isEqualTo(Result.IGNORED);
    assertThat(now(first).status()).isEqualTo(DonationStatus.SUCCEEDED);
    assertThat(f.commissions.handle(new PaymentEvent.Refunded("tp_evt_stranger", "test.refunded",
        PaymentRefs.of("txn", "txn_unknown"), true)).result()).isEqualTo(Result.NOT_OURS);

    PaymentEvent.Refunded full = new PaymentEvent.Refunded("tp_evt_full", "test.refunded",
        PaymentRefs.of("txn", "txn_unknown", "charge", "txn_1", "refund", "tp_re_desk"), true);
    assertThat(f.commissions.handle(full).result()).as("found by any of its references")
        .isEqualTo(Result.REFUND_RECONCILED);
    assertThat(now(first).status()).isEqualTo(DonationStatus.REFUNDED);
    assertThat(now(first).refs().get("refund")).hasValue("tp_re_desk");
    assertThat(published(first)).last().isEqualTo(DonationStatus.REFUNDED);
    assertThat(f.commissions.handle(full).result()).isEqualTo(Result.REPLAYED);
    assertThat(f.commissions.handle(new PaymentEvent.Refunded("tp_evt_full_again", "test.refunded",
        PaymentRefs.of("txn", "txn_1"), true)).result()).isEqualTo(Result.ALREADY_FULFILLED);
    int events = f.events(ClouvelEvent.DonationUpdated.class).size();

    // A refund being sent by Clouvel that the gateway reports first is reconciled, and not sent again.
    gateway.onNextRefund(request -> {
      throw new ProviderUnavailableException("test-pay", "timeout", null);
    });
    f.engine.worker().runOnce("w1");
    f.engine.worker().runOnce("w1");
    assertThat(now(second).status()).isEqualTo(DonationStatus.REFUND_PENDING);
    assertThat(f.commissions.handle(new PaymentEvent.Refunded("tp_evt_second", "test.refunded",
        PaymentRefs.of("txn", "txn_2"), true)).result()).isEqualTo(Result.REFUND_RECONCILED);
    assertThat(now(second).status()).isEqualTo(DonationStatus.REFUNDED);
    f.clock.advance(RETRY.multipliedBy(2));
    f.commissions.maintain();
    assertThat(gateway.refundRequests()).hasSize(1);
    assertThat(f.events(ClouvelEvent.DonationUpdated.class).size()).isGreaterThan(events);
  }

  @Test
  void whatIsPaidDecidesTheTierTheQualityOrTheRefund() {
    f.commissions.startCheckout(randomSubreddit("cats", 1000), "https://s", "https://c");
    assertThat(f.commissions.handle(gateway.paid(1, Money.ofDollars(30), "usd")).result())
        .isEqualTo(Result.FULFILLED);
    Donation overpaid = f.store.donations().findByPaymentId("tp_cs_1").orElseThrow();
    assertThat(overpaid.amount()).isEqualTo(Money.ofDollars(30));
    assertThat(overpaid.tier()).isEqualTo("gold");
    Task task = f.store.tasks().findByDonation(overpaid.id()).orElseThrow();
    assertThat(task.spec().quality()).isEqualTo(ImageQuality.HD);
    assertThat(task.spec().subreddit()).isEqualTo("cats");
    assertThat(task.spec().postId()).as("a random commission picks its post when it runs").isNull();
    assertThat(f.events(ClouvelEvent.TaskCreated.class)).extracting(e -> e.task().id()).containsExactly(task.id());

    f.commissions.startCheckout(randomSubreddit("cats", 1000), "https://s", "https://c");
    assertThat(f.commissions.handle(gateway.paid(2, Money.ofDollars(10), "eur")).result())
        .isEqualTo(Result.UNDERPAID);
    Donation euros = f.store.donations().findByPaymentId("tp_cs_2").orElseThrow();
    assertThat(euros.status()).isEqualTo(DonationStatus.REFUNDED);
    assertThat(f.store.tasks().findByDonation(euros.id())).isEmpty();
    assertThat(gateway.refundRequests()).singleElement().satisfies(r -> assertThat(r.paymentId()).isEqualTo("tp_cs_2"));

    f.commissions.startCheckout(new CommissionRequest(Money.ofDollars(5), DonationType.COMMISSION,
        CommissionType.RANDOM_RANDOM, null, null, Donor.UNKNOWN, ""), "https://s", "https://c");
    assertThat(f.commissions.handle(gateway.paid(3, Money.ofDollars(5), "USD")).result())
        .isEqualTo(Result.FULFILLED);
    Task random = f.store.tasks().findByDonation(f.store.donations().findByPaymentId("tp_cs_3").orElseThrow().id())
        .orElseThrow();
    assertThat(random.spec().subreddit()).isNull();
    assertThat(random.spec().quality()).isEqualTo(ImageQuality.STANDARD);

    f.commissions.startCheckout(randomSubreddit("cats", 1000), "https://s", "https://c");
    for (long cents : new long[] {49, 1_000_001}) {
      assertThatThrownBy(() -> f.commissions.handle(gateway.paid(4, Money.ofCents(cents), "usd")))
          .isInstanceOf(ai.clouvel.core.payment.InvalidWebhookException.class);
    }
    assertThat(f.store.donations().findByPaymentId("tp_cs_4").orElseThrow().status())
        .isEqualTo(DonationStatus.PENDING);
  }

  @Test
  void paymentsAskTheGatewayForWhatWasChosen() {
    f.commissions.startCheckout(specificPost("1h1k01", 2500), "https://ok", "https://no");
    f.commissions.startPaymentIntent(randomSubreddit("cats", 1500));
    f.commissions.startCheckout(new CommissionRequest(Money.ofDollars(3), DonationType.SUPPORT, null, "hiking",
        "1h1k01", new Donor("fan@example.com", null, null, true), ""), null, null);
    f.commissions.startCheckout(new CommissionRequest(Money.ofDollars(5), DonationType.COMMISSION,
        CommissionType.RANDOM_RANDOM, null, null, Donor.UNKNOWN, ""), null, null);

    assertThat(gateway.payments()).extracting(p -> p.productName()).containsExactly(
        "Gold commission: the post 1h1k01", "Silver commission: a post from r/cats", "Support for a post in r/hiking",
        "Bronze commission: any post");
    assertThat(gateway.payments().get(0).successUrl()).isEqualTo("https://ok");
    assertThat(gateway.payments().get(0).cancelUrl()).isEqualTo("https://no");
    assertThat(gateway.payments().get(0).amount()).isEqualTo(Money.ofDollars(25));
    assertThat(gateway.payments().get(0).customerEmail()).isEqualTo("user@example.com");
    assertThat(gateway.payments().get(0).metadata()).containsEntry(PaymentMetadata.FLOW, PaymentMetadata.FLOW_CHECKOUT);
    assertThat(gateway.payments().get(1).metadata()).containsEntry(PaymentMetadata.FLOW,
        PaymentMetadata.FLOW_PAYMENT_INTENT).containsEntry("tier", "silver");
    List<Donation> pending = List.of("tp_cs_1", "tp_pi_2", "tp_cs_3", "tp_cs_4").stream()
        .map(id -> f.store.donations().findByPaymentId(id).orElseThrow()).toList();
    assertThat(pending).extracting(Donation::status).containsOnly(DonationStatus.PENDING);
    assertThat(pending).extracting(Donation::gateway).containsOnly(FakePaymentGateway.ID);
    assertThat(pending).extracting(Donation::tier).containsExactly("gold", "silver", null, "bronze");
    assertThat(f.events(ClouvelEvent.DonationUpdated.class)).hasSize(4);
  }

  @Test
  void aFailedPaymentIsRecordedOnceAndOnlyForOurPayments() {
    f.commissions.startPaymentIntent(randomSubreddit("cats", 1500));
    PaymentEvent.Failed failed = new PaymentEvent.Failed("tp_evt_fail", "test.failed", "tp_pi_1", "card declined");
    assertThat(f.commissions.handle(failed).result()).isEqualTo(Result.PAYMENT_FAILED);
    assertThat(f.store.donations().findByPaymentId("tp_pi_1").orElseThrow().status()).isEqualTo(DonationStatus.FAILED);
    assertThat(f.commissions.handle(failed).result()).isEqualTo(Result.REPLAYED);
    assertThat(f.commissions.handle(new PaymentEvent.Failed("tp_evt_x", "test.failed", "tp_pi_none", "x")).result())
        .isEqualTo(Result.NOT_OURS);
    assertThat(f.commissions.handle(new PaymentEvent.Ignored("tp_evt_i", "test.other")).result())
        .isEqualTo(Result.IGNORED);
    assertThat(f.commissions.handle(new PaymentEvent.Ignored("tp_evt_i", "test.other")).result())
        .isEqualTo(Result.REPLAYED);
  }

  @Test
  void anAdminCreatesFreeOrInRangeCommissionsOnly() {
    for (long cents : new long[] {49, 1_000_001}) {
      assertThatThrownBy(() -> f.commissions.createManual(randomSubreddit("cats", cents)))
          .isInstanceOfSatisfying(CommissionRejectedException.class, e -> {
            assertThat(e.code()).isEqualTo("invalid_amount");
            assertThat(e.getMessage()).contains("$0.50").contains("$10000.00");
          });
    }
    assertThatThrownBy(() -> f.commissions.createManual(new CommissionRequest(Money.ofDollars(5),
        DonationType.SUPPORT, null, null, "1h1k01", Donor.UNKNOWN, ""))).isInstanceOfSatisfying(
        CommissionRejectedException.class, e -> assertThat(e.code()).isEqualTo("invalid_donation_type"));
    for (long cents : new long[] {0, 50, 1_000_000}) {
      Task task = f.commissions.createManual(randomSubreddit("cats", cents));
      Donation donation = f.store.donations().find(task.donationId()).orElseThrow();
      assertThat(donation.amount()).isEqualTo(Money.ofCents(cents));
      assertThat(donation.source()).isEqualTo(DonationSource.MANUAL);
      assertThat(donation.status()).isEqualTo(DonationStatus.SUCCEEDED);
      assertThat(donation.gateway()).isNull();
      assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
    }
    assertThat(f.events(ClouvelEvent.TaskCreated.class)).hasSize(3);
    assertThat(f.store.tasks().depth()).isEqualTo(3);
    assertThatThrownBy(() -> f.engine.fulfilment().createUnpaid(randomSubreddit("cats", 0),
        DonationSource.GATEWAY, "x_1", ImageQuality.STANDARD)).isInstanceOf(IllegalArgumentException.class);
    Task once = f.engine.fulfilment().createUnpaid(randomSubreddit("cats", 0), DonationSource.SCHEDULED,
        "scheduled_1", ImageQuality.HD);
    assertThat(f.engine.fulfilment().createUnpaid(randomSubreddit("cats", 0), DonationSource.SCHEDULED,
        "scheduled_1", ImageQuality.HD).id()).as("the same id twice is the first task").isEqualTo(once.id());
    assertThat(once.spec().quality()).isEqualTo(ImageQuality.HD);
    assertThat(f.store.tasks().depth()).isEqualTo(4);
  }

  /** Stands for the process dying while it sends a refund: nothing after it runs. */
  private static final class SenderDied extends Error {
    private static final long serialVersionUID = 1L;
  }
}
