package ai.clouvel.core.offline;

import ai.clouvel.core.money.Money;
import ai.clouvel.core.payment.CheckoutSession;
import ai.clouvel.core.payment.GatewayId;
import ai.clouvel.core.payment.InvalidWebhookException;
import ai.clouvel.core.payment.PaymentRefs;
import ai.clouvel.core.payment.PaymentEvent;
import ai.clouvel.core.payment.PaymentGateway;
import ai.clouvel.core.payment.PaymentIntent;
import ai.clouvel.core.payment.PaymentRequest;
import ai.clouvel.core.payment.Refund;
import ai.clouvel.core.payment.RefundRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@link PaymentGateway} for demo mode: checkout happens on a local page, and completing it
 * produces a webhook signed like Stripe's ({@code t=...,v1=HMAC-SHA256}) that goes through the
 * same verification and fulfilment as a real one. Refunds are recorded locally and honour
 * idempotency keys. No money moves. Thread-safe. Checkouts and refunds are kept in a
 * {@link DemoCheckouts}: in memory by default, in the database when several servers share one.
 */
public final class DemoPaymentGateway implements PaymentGateway {
  /** The demo gateway's id, {@code demo}. */
  public static final GatewayId ID = GatewayId.of("demo");

  private static final Duration TOLERANCE = Duration.ofMinutes(5);

  private final String publicBaseUrl;
  private final Clock clock;
  private final byte[] secret;
  private final DemoCheckouts checkouts;
  private final List<RefundRequest> refundRequests = new CopyOnWriteArrayList<>();

  /**
   * Creates a gateway with a fresh random signing secret.
   *
   * @param publicBaseUrl the server's address, where the local checkout page lives
   * @param clock dates signatures and checks their age
   */
  public DemoPaymentGateway(String publicBaseUrl, Clock clock) {
    this(publicBaseUrl, clock, DemoCheckouts.inMemory());
  }

  /**
   * Creates a gateway with a fresh random signing secret that keeps its checkouts and refunds in
   * the given place.
   *
   * @param publicBaseUrl the server's address, where the local checkout page lives
   * @param clock dates signatures and checks their age
   * @param checkouts where checkouts and refunds are kept
   */
  public DemoPaymentGateway(String publicBaseUrl, Clock clock, DemoCheckouts checkouts) {
    this.checkouts = Objects.requireNonNull(checkouts, "checkouts");
    String url = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    this.publicBaseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.secret = new byte[32];
    new SecureRandom().nextBytes(secret);
  }

  @Override
  public GatewayId id() {
    return ID;
  }

  @Override
  public CheckoutSession createCheckoutSession(PaymentRequest request) {
    String id = "demo_cs_" + UUID.randomUUID().toString().replace("-", "");
    checkouts.save(id, request);
    return new CheckoutSession(id, publicBaseUrl + "/demo/checkout/" + id);
  }

  @Override
  public PaymentIntent createPaymentIntent(PaymentRequest request) {
    String id = "demo_pi_" + UUID.randomUUID().toString().replace("-", "");
    checkouts.save(id, request);
    return new PaymentIntent(id, id + "_secret_" + UUID.randomUUID().toString().replace("-", ""));
  }

  /**
   * Looks up a payment waiting on the local checkout page.
   *
   * @param paymentId the session or payment intent id
   * @return what is to be paid, or empty if unknown
   */
  public Optional<PaymentRequest> pendingPayment(String paymentId) {
    return checkouts.find(paymentId);
  }

  /**
   * Completes a payment as the local checkout page does, returning the webhook Stripe would send.
   * Completing the same payment again returns the same event, which fulfilment treats as a replay.
   *
   * @param paymentId the session or payment intent id
   * @return the signed webhook to deliver
   * @throws IllegalArgumentException if the payment is unknown
   */
  public Webhook complete(String paymentId) {
    PaymentRequest request = checkouts.find(paymentId)
        .orElseThrow(() -> new IllegalArgumentException("unknown demo payment " + paymentId));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", "evt_demo_" + paymentId);
    fields.put("type", paymentId.startsWith("demo_cs_") ? "checkout.session.completed" : "payment_intent.succeeded");
    fields.put("payment_id", paymentId);
    fields.put("payment_intent", paymentId.startsWith("demo_pi_") ? paymentId : "demo_pi_for_" + paymentId);
    fields.put("amount_cents", String.valueOf(request.amount().cents()));
    fields.put("currency", "usd");
    if (request.customerEmail() != null) {
      fields.put("email", request.customerEmail());
    }
    request.metadata().forEach((key, value) -> fields.put("meta." + key, value));
    return sign(encode(fields));
  }

  /**
   * Signs a payload as this gateway's webhooks are signed, for tests and tools.
   *
   * @param payload the body
   * @return the signed webhook
   */
  public Webhook sign(String payload) {
    long timestamp = clock.instant().getEpochSecond();
    return new Webhook(payload, "t=" + timestamp + ",v1=" + hmac(timestamp + "." + payload));
  }

  @Override
  public PaymentEvent parseWebhook(String payload, String signature) {
    verify(payload, signature);
    Map<String, String> fields = decode(payload);
    String id = fields.get("id");
    String type = fields.get("type");
    if (id == null || type == null) {
      throw new InvalidWebhookException("event without id or type", null);
    }
    if (!type.equals("checkout.session.completed") && !type.equals("payment_intent.succeeded")) {
      return new PaymentEvent.Ignored(id, type);
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    fields.forEach((key, value) -> {
      if (key.startsWith("meta.")) {
        metadata.put(key.substring(5), value);
      }
    });
    try {
      return new PaymentEvent.Succeeded(id, type, fields.get("payment_id"),
          PaymentRefs.of("payment_intent", fields.get("payment_intent")), Money.ofCents(Long.parseLong(fields.get("amount_cents"))), fields.get("currency"), fields.get("email"),
          metadata);
    } catch (RuntimeException e) {
      throw new InvalidWebhookException("malformed demo event", e);
    }
  }

  @Override
  public Refund refund(RefundRequest request) {
    refundRequests.add(request);
    return checkouts.refundOnce(request, "demo_re_" + UUID.randomUUID().toString().replace("-", ""));
  }

  /**
   * Lists every refund call received, repeats included.
   *
   * @return the refund requests, oldest first
   */
  public List<RefundRequest> refundRequests() {
    return List.copyOf(refundRequests);
  }

  private void verify(String payload, String signature) {
    if (payload == null || signature == null) {
      throw new InvalidWebhookException("missing signature", null);
    }
    String timestamp = null;
    String v1 = null;
    for (String part : signature.split(",")) {
      String[] pair = part.strip().split("=", 2);
      if (pair.length == 2 && pair[0].equals("t")) {
        timestamp = pair[1];
      } else if (pair.length == 2 && pair[0].equals("v1")) {
        v1 = pair[1];
      }
    }
    if (timestamp == null || v1 == null) {
      throw new InvalidWebhookException("malformed signature header", null);
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      throw new InvalidWebhookException("malformed signature timestamp", e);
    }
    if (Math.abs(clock.instant().getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
      throw new InvalidWebhookException("signature timestamp outside the tolerance", null);
    }
    byte[] expected = hmac(timestamp + "." + payload).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII))) {
      throw new InvalidWebhookException("signature does not match", null);
    }
  }

  private String hmac(String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static String encode(Map<String, String> fields) {
    StringBuilder out = new StringBuilder();
    fields.forEach((key, value) -> out.append(out.length() == 0 ? "" : "&")
        .append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return out.toString();
  }

  private static Map<String, String> decode(String payload) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : payload.split("&")) {
      String[] parts = pair.split("=", 2);
      if (parts.length == 2) {
        fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  /**
   * A signed webhook, ready to deliver to {@code POST /api/donations/webhook}.
   *
   * @param payload the body
   * @param signature the {@code Stripe-Signature} header
   */
  public record Webhook(String payload, String signature) {
  }
}
