package ai.clouvel.stripe.testing;

import com.stripe.Stripe;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds Stripe event JSON and signs it exactly as Stripe signs webhooks. */
public final class FakeStripe {
  public static final String WEBHOOK_SECRET = "whsec_test_secret_for_clouvel";

  private FakeStripe() {
  }

  /** The {@code Stripe-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">}. */
  public static String sign(String payload, Instant at, String secret) {
    long timestamp = at.getEpochSecond();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String v1 = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
      return "t=" + timestamp + ",v1=" + v1;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code metadata[...]} parameters of a recorded create request (Stripe's form encoding). */
  public static Map<String, String> metadataOf(mockwebserver3.RecordedRequest create) {
    Map<String, String> metadata = new java.util.LinkedHashMap<>();
    for (String pair : create.getBody().string(StandardCharsets.UTF_8).split("&")) {
      String[] parts = pair.split("=", 2);
      String key = java.net.URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
      if (key.startsWith("metadata[") && parts.length == 2) {
        metadata.put(key.substring(9, key.length() - 1), java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
      }
    }
    return metadata;
  }

  public static String event(String id, String type, String object) {
    return event(id, type, object, Stripe.API_VERSION);
  }

  public static String event(String id, String type, String object, String apiVersion) {
    return """
        {"id": "%s", "object": "event", "api_version": "%s", "created": 1763985600, "livemode": false,
         "pending_webhooks": 1, "request": {"id": null, "idempotency_key": null}, "type": "%s",
         "data": {"object": %s}}""".formatted(id, apiVersion, type, object);
  }

  public static String checkoutSession(String id, String paymentIntent, long amountCents, String paymentStatus,
      Map<String, String> metadata) {
    return """
        {"id": "%s", "object": "checkout.session", "mode": "payment", "status": "complete",
         "payment_status": "%s", "amount_total": %d, "currency": "usd", "payment_intent": %s,
         "customer_details": {"email": "user@example.com", "name": "John Doe"}, "metadata": %s}"""
        .formatted(id, paymentStatus, amountCents, paymentIntent == null ? "null" : "\"" + paymentIntent + "\"",
            json(metadata));
  }

  public static String paymentIntent(String id, long amountCents, Map<String, String> metadata) {
    return """
        {"id": "%s", "object": "payment_intent", "status": "succeeded", "amount": %d, "amount_received": %d,
         "currency": "usd", "latest_charge": "ch_%s", "receipt_email": "user@example.com", "metadata": %s}"""
        .formatted(id, amountCents, amountCents, id, json(metadata));
  }

  public static String charge(String id, String paymentIntent, long amount, long refunded) {
    return """
        {"id": "%s", "object": "charge", "amount": %d, "amount_refunded": %d, "refunded": %s,
         "payment_intent": "%s", "currency": "usd",
         "refunds": {"object": "list", "data": [{"id": "re_elsewhere", "object": "refund", "amount": %d}],
           "has_more": false, "url": "/v1/charges/%s/refunds"}}"""
        .formatted(id, amount, refunded, refunded >= amount, paymentIntent, refunded, id);
  }

  public static String json(Map<String, String> map) {
    return map.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue().replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(", ", "{", "}"));
  }

  public static String sessionCreated(String id) {
    return """
        {"id": "%s", "object": "checkout.session", "url": "https://checkout.stripe.test/c/pay/%s",
         "mode": "payment", "payment_status": "unpaid", "status": "open"}""".formatted(id, id);
  }

  public static String intentCreated(String id) {
    return """
        {"id": "%s", "object": "payment_intent", "client_secret": "%s_secret_abc", "amount": 2500,
         "currency": "usd", "status": "requires_payment_method"}""".formatted(id, id);
  }

  public static String refund(String id, String paymentIntent) {
    return """
        {"id": "%s", "object": "refund", "amount": 2500, "currency": "usd", "payment_intent": "%s",
         "status": "succeeded"}""".formatted(id, paymentIntent);
  }

  public static String error(String type, String message) {
    return "{\"error\": {\"type\": \"" + type + "\", \"message\": \"" + message + "\"}}";
  }
}
