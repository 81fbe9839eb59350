package ai.clouvel.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.money.Money;
import ai.clouvel.core.payment.CheckoutSession;
import ai.clouvel.core.payment.InvalidWebhookException;
import ai.clouvel.core.payment.PaymentEvent;
import ai.clouvel.core.payment.PaymentIntent;
import ai.clouvel.core.payment.PaymentMetadata;
import ai.clouvel.core.payment.PaymentRefs;
import ai.clouvel.core.payment.PaymentRequest;
import ai.clouvel.core.payment.Refund;
import ai.clouvel.core.payment.RefundRequest;
import ai.clouvel.core.provider.ProviderRequestException;
import ai.clouvel.core.provider.ProviderUnavailableException;
import ai.clouvel.core.provider.RateLimitedException;
import ai.clouvel.test.stripe.StripeJson;
import ai.clouvel.test.stripe.StripeWebhookSigner;
import ai.clouvel.test.time.MutableClock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class StripePaymentGatewayTest {
  @StartStop
  private final MockWebServer stripe = new MockWebServer();

  private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
  private final Map<String, String> metadata = Map.of(PaymentMetadata.MARKER, "1", PaymentMetadata.FLOW,
      PaymentMetadata.FLOW_CHECKOUT, "donation_type", "commission", "commission_type", "specific_post",
      "post_id", "1h1k01", "amount_cents", "2500");

  private StripePaymentGateway gateway() {
    return StripePaymentGateway.builder().secretKey("sk_test_123").webhookSecret(StripeWebhookSigner.TEST_SECRET)
        .apiBase(stripe.url("/").toString()).clock(clock).build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  private static String form(RecordedRequest request) {
    return URLDecoder.decode(request.getBody().string(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  @Test
  void createsACheckoutSessionWithALineItemNamedAfterTheTier() throws Exception {
    stripe.enqueue(json(200, StripeJson.sessionCreated("cs_test_1")));
    CheckoutSession session = gateway().createCheckoutSession(new PaymentRequest(Money.ofCents(2500),
        "Gold commission: specific post", "user@example.com", metadata,
        "https://clouvel.example/success?session_id={CHECKOUT_SESSION_ID}", "https://clouvel.example/cancel"));

    assertThat(session.sessionId()).isEqualTo("cs_test_1");
    assertThat(session.checkoutUrl()).isEqualTo("https://checkout.stripe.test/c/pay/cs_test_1");
    RecordedRequest request = stripe.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/checkout/sessions");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk_test_123");
    assertThat(form(request)).contains("mode=payment", "line_items[0][quantity]=1",
        "line_items[0][price_data][unit_amount]=2500", "line_items[0][price_data][currency]=usd",
        "line_items[0][price_data][product_data][name]=Gold commission: specific post",
        "metadata[post_id]=1h1k01", "payment_intent_data[metadata][clouvel_flow]=checkout",
        "customer_email=user@example.com", "success_url=https://clouvel.example/success?session_id={CHECKOUT_SESSION_ID}");
  }

  @Test
  void createsAPaymentIntent() throws Exception {
    stripe.enqueue(json(200, StripeJson.intentCreated("pi_test_9")));
    PaymentIntent intent = gateway().createPaymentIntent(new PaymentRequest(Money.ofCents(2500), "Support",
        null, Map.of(PaymentMetadata.MARKER, "1"), null, null));
    assertThat(intent).isEqualTo(new PaymentIntent("pi_test_9", "pi_test_9_secret_abc"));
    RecordedRequest request = stripe.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/payment_intents");
    assertThat(form(request)).contains("amount=2500", "currency=usd", "automatic_payment_methods[enabled]=true");
  }

  @Test
  void verifiesAndReadsCheckoutWebhooks() {
    String payload = StripeJson.event("evt_1", "checkout.session.completed",
        StripeJson.checkoutSession("cs_test_1", "pi_test_1", 2500, "paid", metadata));
    PaymentEvent event = gateway().parseWebhook(payload, new StripeWebhookSigner(StripeWebhookSigner.TEST_SECRET).sign(payload, clock.instant()));
    assertThat(event).isInstanceOfSatisfying(PaymentEvent.Succeeded.class, succeeded -> {
      assertThat(succeeded.eventId()).isEqualTo("evt_1");
      assertThat(succeeded.paymentId()).isEqualTo("cs_test_1");
      assertThat(succeeded.refs()).isEqualTo(PaymentRefs.of("checkout_session", "cs_test_1",
          "payment_intent", "pi_test_1"));
      assertThat(succeeded.amount()).isEqualTo(Money.ofCents(2500));
      assertThat(succeeded.customerEmail()).isEqualTo("user@example.com");
      assertThat(succeeded.metadata()).containsEntry("post_id", "1h1k01");
    });
  }

  @Test
  void rejectsBadOldOrMissingSignatures() {
    String payload = StripeJson.event("evt_1", "checkout.session.completed",
        StripeJson.checkoutSession("cs_test_1", "pi_test_1", 2500, "paid", metadata));
    StripePaymentGateway gateway = gateway();
    assertThatThrownBy(() -> gateway.parseWebhook(payload, new StripeWebhookSigner("whsec_other").sign(payload, clock.instant())))
        .isInstanceOf(InvalidWebhookException.class);
    assertThatThrownBy(() -> gateway.parseWebhook(payload + " ", new StripeWebhookSigner(StripeWebhookSigner.TEST_SECRET).sign(payload, clock.instant())))
        .isInstanceOf(InvalidWebhookException.class);
    String old = new StripeWebhookSigner(StripeWebhookSigner.TEST_SECRET).sign(payload, clock.instant().minus(Duration.ofSeconds(301)));
    assertThatThrownBy(() -> gateway.parseWebhook(payload, old)).isInstanceOf(InvalidWebhookException.class);
    String recent = new StripeWebhookSigner(StripeWebhookSigner.TEST_SECRET).sign(payload, clock.instant().minus(Duration.ofSeconds(299)));
    assertThat(gateway.parseWebhook(payload, recent)).isInstanceOf(PaymentEvent.Succeeded.class);
    assertThatThrownBy(() -> gateway.parseWebhook(payload, null)).isInstanceOf(InvalidWebhookException.class);
    assertThatThrownBy(() -> gateway.parseWebhook("{not json", new StripeWebhookSigner(StripeWebhookSigner.TEST_SECRET).sign("{not json", clock.instant())))
        .isInstanceOf(InvalidWebhookException.class);
  }

  @Test
  void readsEveryEventTypeItActsOnAndIgnoresTheRest() {
    StripePaymentGateway gateway = gateway();
    Map<String, String> direct = Map.of(PaymentMetadata.MARKER, "1", PaymentMetadata.FLOW, PaymentMetadata.FLOW_PAYMENT_INTENT);
    assertThat(parse(gateway, "payment_intent.succeeded", StripeJson.paymentIntent("pi_2", 1000, direct)))
        .isInstanceOfSatisfying(PaymentEvent.Succeeded.class, e -> {
          assertThat(e.paymentId()).isEqualTo("pi_2");
          assertThat(e.refs()).isEqualTo(PaymentRefs.of("payment_intent", "pi_2", "charge", "ch_pi_2"));
        });
    assertThat(parse(gateway, "payment_intent.succeeded", StripeJson.paymentIntent("pi_3", 2500, metadata)))
        .as("payment intents of Checkout sessions are fulfilled by the session's event")
        .isInstanceOf(PaymentEvent.Ignored.class);
    assertThat(parse(gateway, "payment_intent.payment_failed", StripeJson.paymentIntent("pi_4", 2500, direct)))
        .isInstanceOfSatisfying(PaymentEvent.Failed.class, e -> assertThat(e.paymentId()).isEqualTo("pi_4"));
    assertThat(parse(gateway, "checkout.session.async_payment_succeeded",
        StripeJson.checkoutSession("cs_5", "pi_5", 2500, "paid", metadata))).isInstanceOf(PaymentEvent.Succeeded.class);
    assertThat(parse(gateway, "checkout.session.completed",
        StripeJson.checkoutSession("cs_6", null, 2500, "unpaid", metadata)))
        .as("asynchronous payments wait for their own event").isInstanceOf(PaymentEvent.Ignored.class);
    assertThat(parse(gateway, "charge.refunded", StripeJson.charge("ch_7", "pi_7", 2500, 2500)))
        .isInstanceOfSatisfying(PaymentEvent.Refunded.class, e -> {
          assertThat(e.refs()).isEqualTo(PaymentRefs.of("payment_intent", "pi_7", "charge", "ch_7",
              "refund", "re_elsewhere"));
          assertThat(e.fullyRefunded()).isTrue();
        });
    assertThat(parse(gateway, "customer.created", "{\"id\": \"cus_1\", \"object\": \"customer\"}"))
        .isInstanceOf(PaymentEvent.Ignored.class);
  }

  @Test
  void readsObjectsOfAnotherApiVersion() {
    String payload = StripeJson.event("evt_old", "checkout.session.completed",
        StripeJson.checkoutSession("cs_old", "pi_old", 1000, "paid", metadata), "2020-08-27");
    PaymentEvent event = gateway().parseWebhook(payload, new StripeWebhookSigner(StripeWebhookSigner.TEST_SECRET).sign(payload, clock.instant()));
    assertThat(event).isInstanceOfSatisfying(PaymentEvent.Succeeded.class,
        e -> assertThat(e.paymentId()).isEqualTo("cs_old"));
  }

  @Test
  void refundsWithAnIdempotencyKeyFindingThePaymentIntentOfASession() throws Exception {
    stripe.enqueue(json(200, "{\"id\": \"cs_test_1\", \"object\": \"checkout.session\", \"payment_intent\": \"pi_x\"}"));
    stripe.enqueue(json(200, StripeJson.refund("re_1", "pi_x")));
    Refund refund = gateway().refund(new RefundRequest("cs_test_1", null, Money.ofCents(2500), "clouvel-refund-7-cs_test_1",
        "commission could not be completed"));
    assertThat(refund).isEqualTo(new Refund("re_1", "succeeded"));
    assertThat(stripe.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/checkout/sessions/cs_test_1");
    RecordedRequest request = stripe.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/refunds");
    assertThat(request.getHeaders().get("Idempotency-Key")).isEqualTo("clouvel-refund-7-cs_test_1");
    assertThat(form(request)).contains("payment_intent=pi_x", "amount=2500", "reason=requested_by_customer");
  }

  @Test
  void translatesStripeFailures() {
    StripePaymentGateway gateway = gateway();
    RefundRequest refund = new RefundRequest("pi_x", PaymentRefs.of("payment_intent", "pi_x"), Money.ofCents(100), "k1", "");
    stripe.enqueue(json(500, StripeJson.error("api_error", "Something went wrong")));
    assertThatThrownBy(() -> gateway.refund(refund)).isInstanceOf(ProviderUnavailableException.class);
    stripe.enqueue(json(429, StripeJson.error("invalid_request_error", "Too many requests")));
    assertThatThrownBy(() -> gateway.refund(refund)).isInstanceOf(RateLimitedException.class);
    stripe.enqueue(json(400, StripeJson.error("invalid_request_error", "Charge already refunded")));
    assertThatThrownBy(() -> gateway.refund(refund)).isInstanceOfSatisfying(ProviderRequestException.class,
        e -> assertThat(e.getMessage()).contains("Charge already refunded"));
    assertThat(stripe.getRequestCount()).isEqualTo(3);
  }

  @Test
  void needsItsSecrets() {
    assertThatThrownBy(() -> StripePaymentGateway.builder().webhookSecret("whsec").build())
        .hasMessageContaining("STRIPE_SECRET_KEY");
    assertThatThrownBy(() -> StripePaymentGateway.builder().secretKey("sk").build())
        .hasMessageContaining("STRIPE_WEBHOOK_SECRET");
  }

  private PaymentEvent parse(StripePaymentGateway gateway, String type, String object) {
    String payload = StripeJson.event("evt_" + type, type, object);
    return gateway.parseWebhook(payload, new StripeWebhookSigner(StripeWebhookSigner.TEST_SECRET).sign(payload, clock.instant()));
  }

  @Test
  void theTestKitWritesEventsInTheApiVersionStripeJavaIsPinnedTo() {
    assertThat(StripeJson.API_VERSION).isEqualTo(com.stripe.Stripe.API_VERSION);
  }
}
