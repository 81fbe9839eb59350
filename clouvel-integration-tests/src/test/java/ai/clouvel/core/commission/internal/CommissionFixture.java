package ai.clouvel.core.commission.internal;

import ai.clouvel.core.Clouvel;
import ai.clouvel.core.DurableClouvel;
import ai.clouvel.core.commission.CommissionRequest;
import ai.clouvel.core.commission.CommissionSettings;
import ai.clouvel.core.commission.Commissions;
import ai.clouvel.core.commission.FulfilmentOutcome;
import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.Donor;
import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.image.ImageGenerator;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.offline.PaintedImageGenerator;
import ai.clouvel.core.time.Sleeper;
import ai.clouvel.store.SqlStore;
import ai.clouvel.store.testing.TestStores;
import ai.clouvel.stripe.StripePaymentGateway;
import ai.clouvel.test.fakes.FakePaymentGateway;
import ai.clouvel.test.stripe.FakeStripeApi;
import ai.clouvel.test.stripe.StripeJson;
import ai.clouvel.test.stripe.StripeWebhookSigner;
import ai.clouvel.test.time.ManualTicker;
import ai.clouvel.test.time.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import mockwebserver3.MockWebServer;

/**
 * A commission engine on a real store (SQLite file or embedded PostgreSQL) with MockWebServer as
 * Stripe, offline content, and a clock and ticker the test controls.
 */
final class CommissionFixture implements AutoCloseable {
  static final CommissionSettings SETTINGS = CommissionSettings.DEFAULTS.withWorkers(2)
      .withPollInterval(Duration.ofMillis(20));

  final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
  final ManualTicker ticker = new ManualTicker();
  final MockWebServer stripe = new MockWebServer();
  final FakeStripeApi stripeApi = new FakeStripeApi("");
  final List<ClouvelEvent> events = new CopyOnWriteArrayList<>();
  /** The SQL of every statement the store ran, in order. */
  final List<String> statements = new CopyOnWriteArrayList<>();
  final SqlStore store;
  final DurableClouvel clouvel;
  final Commissions commissions;
  final CommissionEngine engine;

  CommissionFixture(TestStores stores, TestStores.Kind kind, Path directory, ImageGenerator images,
      Sleeper sleeper) throws Exception {
    this(stores, kind, directory, images, sleeper, builder -> { });
  }

  CommissionFixture(TestStores stores, TestStores.Kind kind, Path directory, ImageGenerator images,
      Sleeper sleeper, Consumer<Clouvel.Builder> customizer) throws Exception {
    stripe.setDispatcher(stripeApi);
    stripe.start();
    store = stores.open(kind, directory, clock, statements::add);
    StripePaymentGateway gateway = StripePaymentGateway.builder().secretKey("sk_test_clouvel")
        .webhookSecret(StripeWebhookSigner.TEST_SECRET).apiBase(stripe.url("/").toString()).clock(clock).build();
    Clouvel.Builder builder = Clouvel.builder().paymentGateway(gateway).clock(clock).ticker(ticker)
        .sleeper(sleeper).random(new Random(3)).commissionSettings(SETTINGS)
        .imageGenerator(images == null ? new PaintedImageGenerator() : images);
    customizer.accept(builder);
    clouvel = builder.build(store);
    clouvel.events().subscribe(events::add);
    commissions = clouvel.commissions();
    engine = (CommissionEngine) commissions;
  }

  static CommissionRequest specificPost(String postId, long cents) {
    return new CommissionRequest(Money.ofCents(cents), DonationType.COMMISSION, CommissionType.SPECIFIC_POST, null,
        postId, new Donor("user@example.com", "John Doe", "johnhiker", false), "Make it beautiful");
  }

  static CommissionRequest randomSubreddit(String subreddit, long cents) {
    return new CommissionRequest(Money.ofCents(cents), DonationType.COMMISSION, CommissionType.RANDOM_SUBREDDIT,
        subreddit, null, new Donor("user@example.com", "John Doe", "johnhiker", true), "");
  }

  String checkoutCompleted(String eventId, String sessionId, long paidCents, Map<String, String> metadata) {
    return StripeJson.event(eventId, "checkout.session.completed",
        StripeJson.checkoutSession(sessionId, "pi_of_" + sessionId, paidCents, "paid", metadata));
  }

  FulfilmentOutcome deliver(String payload) {
    return commissions.handleWebhook(payload, new StripeWebhookSigner(StripeWebhookSigner.TEST_SECRET).sign(payload, clock.instant()));
  }

  /** How many statements ran whose SQL, with its whitespace collapsed, starts with the prefix. */
  long statementsStartingWith(String prefix) {
    return statements.stream().map(sql -> sql.replaceAll("\\s+", " ").strip()).filter(sql -> sql.startsWith(prefix))
        .count();
  }

  <E extends ClouvelEvent> List<E> events(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Starts a checkout through the fake gateway and pays it in full; the donation is fulfilled. */
  ai.clouvel.core.donation.Donation checkoutAndPay(FakePaymentGateway gateway, CommissionRequest request) {
    commissions.startCheckout(request, "https://s", "https://c");
    int n = gateway.payments().size();
    org.assertj.core.api.Assertions.assertThat(commissions.handle(gateway.paid(n)).result())
        .isEqualTo(FulfilmentOutcome.Result.FULFILLED);
    return store.donations().findByPaymentId("tp_cs_" + n).orElseThrow();
  }

  @Override
  public void close() {
    clouvel.close();
    store.close();
    stripe.close();
  }

  static ImageQuality quality(long cents) {
    return cents >= 2500 ? ImageQuality.HD : ImageQuality.STANDARD;
  }
}
