package ai.clouvel.core.commission.internal;

import static ai.clouvel.core.commission.internal.CommissionFixture.randomSubreddit;
import static ai.clouvel.core.commission.internal.CommissionFixture.specificPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.Clouvel;
import ai.clouvel.core.DurableClouvel;
import ai.clouvel.core.commission.CommissionRejectedException;
import ai.clouvel.core.commission.CommissionRequest;
import ai.clouvel.core.commission.Commissions;
import ai.clouvel.core.commission.FulfilmentOutcome.Result;
import ai.clouvel.core.commission.FulfilmentOutcome;
import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.donation.DonationSource;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.Donor;
import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.offline.DemoPaymentGateway;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.payment.InvalidWebhookException;
import ai.clouvel.core.payment.PaymentMetadata;
import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.store.testing.TestStores;
import ai.clouvel.stripe.StripePaymentGateway;
import ai.clouvel.test.stripe.StripeJson;
import ai.clouvel.test.time.ManualTicker;
import ai.clouvel.test.time.RecordingSleeper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Validation, checkout, signed webhooks and idempotent fulfilment, on each database. */
@ExtendWith(TestStores.Extension.class)
abstract class PaymentFlowContractTest {
  @TempDir
  Path directory;

  CommissionFixture f;

  protected abstract TestStores.Kind kind();

  @BeforeEach
  void start(TestStores stores) throws Exception {
    f = new CommissionFixture(stores, kind(), directory, null, new RecordingSleeper());
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void validationSaysWhatIsWrong() {
    Commissions c = f.commissions;
    assertThat(c.validate(specificPost("https://www.reddit.com/r/hiking/comments/1h1k01/x/", 2500)).post().id())
        .isEqualTo("1h1k01");
    assertThat(c.validate(randomSubreddit("r/cats", 1000)).post().subreddit()).isEqualTo("cats");
    assertRejected(() -> c.validate(randomSubreddit("nosuchsubreddit", 1000)), "subreddit_not_found");
    assertRejected(() -> c.validate(specificPost("zzzzzz", 2500)), "post_not_found");
    assertRejected(() -> c.validate(specificPost("1c2t04", 2500)), "title_too_short");
    assertRejected(() -> c.validate(specificPost("1c2t05", 2500)), "nsfw");
    assertRejected(() -> c.validate(specificPost("1h1k01", 2499)), "amount_below_minimum");
    assertRejected(() -> c.validate(randomSubreddit("cats", 999)), "amount_below_minimum");
    assertRejected(() -> c.validate(specificPost("1h1k01", 49)), "amount_out_of_range");
    assertRejected(() -> c.validate(specificPost(null, 2500)), "missing_field");
    assertRejected(() -> c.validate(new CommissionRequest(Money.ofDollars(5), DonationType.COMMISSION, null, null,
        null, Donor.UNKNOWN, "")), "missing_field");
    f.clouvel.pipeline().run(ai.clouvel.core.pipeline.PipelineRequest.of(
        ai.clouvel.core.pipeline.PostSelection.post("1h1k01")), p -> { });
    assertRejected(() -> c.validate(specificPost("1h1k01", 2500)), "already_illustrated");
    assertThat(f.store.donations().list(PageRequest.first(10), null).total()).isZero();
    assertThat(f.stripeApi.requests()).isEmpty();
  }

  @Test
  void aPaidCheckoutBecomesExactlyOneDonationAndOneTask() {
    Commissions.CheckoutStarted started = f.commissions.startCheckout(specificPost("1h1k01", 2500),
        "https://clouvel.example/success", "https://clouvel.example/cancel");
    String sessionId = started.session().sessionId();
    assertThat(started.donation().status()).isEqualTo(DonationStatus.PENDING);
    assertThat(f.store.donations().findByPaymentId(sessionId)).isPresent();
    Map<String, String> metadata = f.stripeApi.lastCheckoutMetadata();
    assertThat(metadata).containsEntry(PaymentMetadata.MARKER, "1").containsEntry("post_id", "1h1k01")
        .containsEntry("tier", "gold").doesNotContainKey("customer_email");

    String payload = f.checkoutCompleted("evt_paid", sessionId, 2500, metadata);
    FulfilmentOutcome outcome = f.deliver(payload);

    assertThat(outcome.result()).isEqualTo(Result.FULFILLED);
    Donation donation = f.store.donations().findByPaymentId(sessionId).orElseThrow();
    assertThat(donation.status()).isEqualTo(DonationStatus.SUCCEEDED);
    assertThat(donation.tier()).isEqualTo("gold");
    assertThat(donation.gateway()).isEqualTo(StripePaymentGateway.ID);
    assertThat(donation.refs().get("payment_intent")).hasValue("pi_of_" + sessionId);
    Task task = f.store.tasks().findByDonation(donation.id()).orElseThrow();
    assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(task.spec().type()).isEqualTo(CommissionType.SPECIFIC_POST);
    assertThat(task.spec().postId()).isEqualTo("1h1k01");
    assertThat(task.spec().quality()).isEqualTo(ImageQuality.HD);
    assertThat(f.events(ClouvelEvent.TaskCreated.class)).extracting(e -> e.task().id()).containsExactly(task.id());

    assertThat(f.deliver(payload).result()).isEqualTo(Result.REPLAYED);
    String intentEvent = StripeJson.event("evt_pi", "payment_intent.succeeded",
        StripeJson.paymentIntent("pi_of_" + sessionId, 2500, withFlow(metadata)));
    assertThat(f.deliver(intentEvent).result()).isEqualTo(Result.IGNORED);
    assertThat(f.deliver(f.checkoutCompleted("evt_other_delivery", sessionId, 2500, metadata)).result())
        .isEqualTo(Result.ALREADY_FULFILLED);
    assertThat(f.store.tasks().depth()).isEqualTo(1);
    assertThat(f.store.donations().list(PageRequest.first(10), null).total()).isEqualTo(1);
  }

  @Test
  void theSameEventDeliveredTwentyTimesAtOnceCreatesOneDonationAndOneTask() throws Exception {
    Commissions.CheckoutStarted started = f.commissions.startCheckout(randomSubreddit("hiking", 1000),
        "https://s", "https://c");
    String payload = f.checkoutCompleted("evt_storm", started.session().sessionId(), 1000, f.stripeApi.lastCheckoutMetadata());
    Map<String, String> orphanMetadata = new LinkedHashMap<>(f.stripeApi.lastCheckoutMetadata());
    String orphan = f.checkoutCompleted("evt_orphan", "cs_never_recorded", 1000, orphanMetadata);

    List<Result> results = deliverConcurrently(payload, 20);
    List<Result> orphanResults = deliverConcurrently(orphan, 20);

    assertThat(results).filteredOn(r -> r == Result.FULFILLED).hasSize(1);
    assertThat(results).filteredOn(r -> r == Result.REPLAYED).hasSize(19);
    assertThat(orphanResults).filteredOn(r -> r == Result.FULFILLED).hasSize(1);
    assertThat(f.store.donations().list(PageRequest.first(50), null).total()).isEqualTo(2);
    assertThat(f.store.tasks().list(PageRequest.first(50), null).total()).isEqualTo(2);
    Donation orphanDonation = f.store.donations().findByPaymentId("cs_never_recorded").orElseThrow();
    assertThat(orphanDonation.status()).isEqualTo(DonationStatus.SUCCEEDED);
    assertThat(orphanDonation.donor().email()).isEqualTo("user@example.com");
  }

  private List<Result> deliverConcurrently(String payload, int times) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(times);
    CountDownLatch gate = new CountDownLatch(1);
    try {
      List<Future<Result>> futures = new ArrayList<>();
      for (int i = 0; i < times; i++) {
        Callable<Result> delivery = () -> {
          gate.await();
          return f.deliver(payload).result();
        };
        futures.add(pool.submit(delivery));
      }
      gate.countDown();
      List<Result> results = new ArrayList<>();
      for (Future<Result> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void paymentsWeDidNotCreateAreAcknowledgedAndIgnored() {
    String stranger = f.checkoutCompleted("evt_stranger", "cs_someone_else", 5000, Map.of("order", "42"));
    assertThat(f.deliver(stranger).result()).isEqualTo(Result.NOT_OURS);
    String unknownType = StripeJson.event("evt_cust", "customer.created", "{\"id\": \"cus_1\", \"object\": \"customer\"}");
    assertThat(f.deliver(unknownType).result()).isEqualTo(Result.IGNORED);
    assertThat(f.deliver(unknownType).result()).isEqualTo(Result.REPLAYED);
    assertThat(f.store.donations().list(PageRequest.first(10), null).total()).isZero();
    assertThatThrownBy(() -> f.commissions.handleWebhook(stranger, "t=1,v1=deadbeef"))
        .isInstanceOf(InvalidWebhookException.class);
  }

  @Test
  void anUnderpaidCommissionIsRefundedInsteadOfMade() {
    Commissions.CheckoutStarted started = f.commissions.startCheckout(specificPost("1h1k01", 2500), "https://s", "https://c");
    String sessionId = started.session().sessionId();
    FulfilmentOutcome outcome = f.deliver(f.checkoutCompleted("evt_short", sessionId, 500, f.stripeApi.lastCheckoutMetadata()));
    assertThat(outcome.result()).isEqualTo(Result.UNDERPAID);
    Donation donation = f.store.donations().findByPaymentId(sessionId).orElseThrow();
    assertThat(donation.status()).isEqualTo(DonationStatus.REFUNDED);
    assertThat(donation.amount()).isEqualTo(Money.ofCents(500));
    assertThat(f.store.tasks().depth()).isZero();
    assertThat(f.stripeApi.refunds()).hasSize(1);
    assertThat(f.stripeApi.refunds().get(0).getHeaders().get("Idempotency-Key"))
        .isEqualTo("clouvel-refund-" + donation.id() + "-" + sessionId);
  }

  @Test
  void failedPaymentsAndRefundsMadeElsewhereAreRecorded() {
    Commissions.PaymentIntentStarted intent = f.commissions.startPaymentIntent(randomSubreddit("space", 1500));
    String pi = intent.intent().paymentIntentId();
    String failed = StripeJson.event("evt_fail", "payment_intent.payment_failed",
        StripeJson.paymentIntent(pi, 1500, Map.of(PaymentMetadata.MARKER, "1")));
    assertThat(f.deliver(failed).result()).isEqualTo(Result.PAYMENT_FAILED);
    assertThat(f.store.donations().findByPaymentId(pi).orElseThrow().status()).isEqualTo(DonationStatus.FAILED);

    Commissions.CheckoutStarted paid = f.commissions.startCheckout(randomSubreddit("space", 1500), "https://s", "https://c");
    String sessionId = paid.session().sessionId();
    f.deliver(f.checkoutCompleted("evt_paid2", sessionId, 1500, f.stripeApi.lastCheckoutMetadata()));
    String refunded = StripeJson.event("evt_refund", "charge.refunded",
        StripeJson.charge("ch_1", "pi_of_" + sessionId, 1500, 1500));
    assertThat(f.deliver(refunded).result()).isEqualTo(Result.REFUND_RECONCILED);
    assertThat(f.deliver(refunded).result()).isEqualTo(Result.REPLAYED);
    Donation donation = f.store.donations().findByPaymentId(sessionId).orElseThrow();
    assertThat(donation.status()).isEqualTo(DonationStatus.REFUNDED);
    assertThat(donation.refs().get("refund")).hasValue("re_elsewhere");
    assertThat(f.stripeApi.refunds()).as("Clouvel itself asked for no refund").isEmpty();
  }

  @Test
  void theDemoGatewayCompletesThroughTheSameFulfilment() {
    DemoPaymentGateway demo = new DemoPaymentGateway("http://localhost:8000", f.clock);
    try (DurableClouvel clouvel = Clouvel.builder().paymentGateway(demo).clock(f.clock)
        .ticker(new ManualTicker()).build(f.store)) {
      Commissions.CheckoutStarted started = clouvel.commissions().startCheckout(specificPost("1s2p01", 5000),
          "http://localhost:8000/ok", "http://localhost:8000/cancel");
      assertThat(started.session().checkoutUrl()).startsWith("http://localhost:8000/demo/checkout/demo_cs_");
      assertThat(started.donation().source()).isEqualTo(DonationSource.GATEWAY);
      assertThat(started.donation().gateway()).isEqualTo(DemoPaymentGateway.ID);
      DemoPaymentGateway.Webhook webhook = demo.complete(started.session().sessionId());
      assertThat(clouvel.commissions().handleWebhook(webhook.payload(), webhook.signature()).result())
          .isEqualTo(Result.FULFILLED);
      DemoPaymentGateway.Webhook again = demo.complete(started.session().sessionId());
      assertThat(clouvel.commissions().handleWebhook(again.payload(), again.signature()).result())
          .isEqualTo(Result.REPLAYED);
      assertThatThrownBy(() -> clouvel.commissions().handleWebhook(webhook.payload() + "&amount_cents=1", webhook.signature()))
          .isInstanceOf(InvalidWebhookException.class);
      Donation donation = f.store.donations().findByPaymentId(started.session().sessionId()).orElseThrow();
      assertThat(donation.tier()).isEqualTo("sapphire");
      assertThat(f.store.tasks().findByDonation(donation.id())).isPresent();
    }
  }

  private static Map<String, String> withFlow(Map<String, String> metadata) {
    Map<String, String> copy = new LinkedHashMap<>(metadata);
    copy.put(PaymentMetadata.FLOW, PaymentMetadata.FLOW_CHECKOUT);
    return copy;
  }

  private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(CommissionRejectedException.class,
        e -> assertThat(e.code()).isEqualTo(code));
  }
}
