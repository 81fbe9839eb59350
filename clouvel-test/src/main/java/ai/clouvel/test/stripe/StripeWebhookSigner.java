package ai.clouvel.test.stripe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook payloads exactly as Stripe signs them, so that a test can post an event to a
 * webhook endpoint that verifies signatures with the real secret-checking code.
 *
 * <pre>{@code
 * StripeWebhookSigner signer = new StripeWebhookSigner(StripeWebhookSigner.TEST_SECRET);
 * String header = signer.sign(payload, clock.instant()); // the Stripe-Signature header
 * }</pre>
 */
public final class StripeWebhookSigner {
  /** A webhook secret for tests, in Stripe's format. */
  public static final String TEST_SECRET = "whsec_test_secret_for_clouvel";

  private final String secret;

  /**
   * Creates a signer with an endpoint's secret.
   *
   * @param secret the webhook secret ({@code whsec_...})
   */
  public StripeWebhookSigner(String secret) {
    this.secret = Objects.requireNonNull(secret, "secret");
  }

  /**
   * Returns the {@code Stripe-Signature} header of a payload: {@code t=<unix seconds>,v1=<hex
   * HMAC-SHA256 of "t.payload">}.
   *
   * @param payload the exact request body
   * @param at when it was "sent"; Stripe's libraries refuse signatures older than their tolerance
   * @return the header value
   */
  public String sign(String payload, Instant at) {
    long timestamp = at.getEpochSecond();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String v1 = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
      return "t=" + timestamp + ",v1=" + v1;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
