package ai.clouvel.test.stripe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.RecordedRequest;

/**
 * The Stripe objects and events Clouvel's gateway reads, as Stripe writes them, with only the
 * fields that matter filled in.
 */
public final class StripeJson {
  /**
   * The API version events are written in: the one stripe-java 33.3 is pinned to, which its
   * webhook parsing insists on.
   */
  public static final String API_VERSION = "2026-07-29.dahlia";

  private StripeJson() {
  }

  /**
   * Writes an event around an object, in {@link #API_VERSION}.
   *
   * @param id the event id, for example {@code evt_1}
   * @param type the event type, for example {@code checkout.session.completed}
   * @param object the object's JSON
   * @return the event JSON, ready to {@linkplain StripeWebhookSigner#sign sign}
   */
  public static String event(String id, String type, String object) {
    return event(id, type, object, API_VERSION);
  }

  /**
   * Writes an event around an object in a given API version.
   *
   * @param id the event id
   * @param type the event type
   * @param object the object's JSON
   * @param apiVersion the API version the event claims
   * @return the event JSON
   */
  public static String event(String id, String type, String object, String apiVersion) {
    return """
        {"id": "%s", "object": "event", "api_version": "%s", "created": 1763985600, "livemode": false,
         "pending_webhooks": 1, "request": {"id": null, "idempotency_key": null}, "type": "%s",
         "data": {"object": %s}}""".formatted(id, apiVersion, type, object);
  }

  /**
   * Writes a completed Checkout session.
   *
   * @param id the session id
   * @param paymentIntent its payment intent, or {@code null}
   * @param amountCents the amount paid
   * @param paymentStatus {@code paid} or {@code unpaid}
   * @param metadata the metadata the session was created with
   * @return the session JSON
   */
  public static String checkoutSession(String id, String paymentIntent, long amountCents, String paymentStatus,
      Map<String, String> metadata) {
    return """
        {"id": "%s", "object": "checkout.session", "mode": "payment", "status": "complete",
         "payment_status": "%s", "amount_total": %d, "currency": "usd", "payment_intent": %s,
         "customer_details": {"email": "user@example.com", "name": "John Doe"}, "metadata": %s}"""
        .formatted(id, paymentStatus, amountCents, paymentIntent == null ? "null" : "\"" + paymentIntent + "\"",
            json(metadata));
  }

  /**
   * Writes a succeeded payment intent.
   *
   * @param id the intent id
   * @param amountCents the amount received
   * @param metadata the metadata the intent was created with
   * @return the intent JSON
   */
  public static String paymentIntent(String id, long amountCents, Map<String, String> metadata) {
    return """
        {"id": "%s", "object": "payment_intent", "status": "succeeded", "amount": %d, "amount_received": %d,
         "currency": "usd", "latest_charge": "ch_%s", "receipt_email": "user@example.com", "metadata": %s}"""
        .formatted(id, amountCents, amountCents, id, json(metadata));
  }

  /**
   * Writes a charge, partly or fully refunded elsewhere (the Stripe dashboard, say).
   *
   * @param id the charge id
   * @param paymentIntent its payment intent
   * @param amount the amount charged, in cents
   * @param refunded the amount refunded, in cents
   * @return the charge JSON
   */
  public static String charge(String id, String paymentIntent, long amount, long refunded) {
    return """
        {"id": "%s", "object": "charge", "amount": %d, "amount_refunded": %d, "refunded": %s,
         "payment_intent": "%s", "currency": "usd",
         "refunds": {"object": "list", "data": [{"id": "re_elsewhere", "object": "refund", "amount": %d}],
           "has_more": false, "url": "/v1/charges/%s/refunds"}}"""
        .formatted(id, amount, refunded, refunded >= amount, paymentIntent, refunded, id);
  }

  /**
   * Writes a newly created, open Checkout session.
   *
   * @param id the session id
   * @return the session JSON
   */
  public static String sessionCreated(String id) {
    return """
        {"id": "%s", "object": "checkout.session", "url": "https://checkout.stripe.test/c/pay/%s",
         "mode": "payment", "payment_status": "unpaid", "status": "open"}""".formatted(id, id);
  }

  /**
   * Writes a newly created payment intent awaiting a payment method.
   *
   * @param id the intent id
   * @return the intent JSON
   */
  public static String intentCreated(String id) {
    return """
        {"id": "%s", "object": "payment_intent", "client_secret": "%s_secret_abc", "amount": 2500,
         "currency": "usd", "status": "requires_payment_method"}""".formatted(id, id);
  }

  /**
   * Writes a succeeded refund.
   *
   * @param id the refund id
   * @param paymentIntent the refunded payment intent
   * @return the refund JSON
   */
  public static String refund(String id, String paymentIntent) {
    return """
        {"id": "%s", "object": "refund", "amount": 2500, "currency": "usd", "payment_intent": "%s",
         "status": "succeeded"}""".formatted(id, paymentIntent);
  }

  /**
   * Writes a Stripe API error.
   *
   * @param type for example {@code invalid_request_error} or {@code api_error}
   * @param message the message
   * @return the error JSON
   */
  public static String error(String type, String message) {
    return "{\"error\": {\"type\": \"" + type + "\", \"message\": \"" + message + "\"}}";
  }

  /**
   * Writes a map of strings as a JSON object, for metadata.
   *
   * @param map the entries
   * @return the JSON object
   */
  public static String json(Map<String, String> map) {
    return map.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue().replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /**
   * Reads the {@code metadata[...]} parameters of a recorded create request (Stripe's form encoding).
   *
   * @param create the request
   * @return the metadata, in order
   */
  public static Map<String, String> metadataOf(RecordedRequest create) {
    Map<String, String> metadata = new LinkedHashMap<>();
    for (String pair : create.getBody().string(StandardCharsets.UTF_8).split("&")) {
      String[] parts = pair.split("=", 2);
      String key = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
      if (key.startsWith("metadata[") && parts.length == 2) {
        metadata.put(key.substring(9, key.length() - 1), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
      }
    }
    return metadata;
  }
}
