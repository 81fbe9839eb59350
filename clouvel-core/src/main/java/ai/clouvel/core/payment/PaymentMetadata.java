package ai.clouvel.core.payment;

import java.util.Map;

/**
 * The keys Clouvel attaches to every payment it creates. Payments without the {@value #MARKER}
 * key were not created by Clouvel and are ignored; gateways use {@value #FLOW} to avoid acting
 * twice on one payment that the gateway reports through two events.
 */
public final class PaymentMetadata {
  /** Present on every payment Clouvel creates. */
  public static final String MARKER = "clouvel";
  /** How the payment was created: {@code checkout} or {@code payment_intent}. */
  public static final String FLOW = "clouvel_flow";
  /** The flow of Checkout payments; their payment intents' own events are not acted on. */
  public static final String FLOW_CHECKOUT = "checkout";
  /** The flow of payment intents created directly. */
  public static final String FLOW_PAYMENT_INTENT = "payment_intent";

  private PaymentMetadata() {
  }

  /**
   * Tells whether Clouvel created a payment.
   *
   * @param metadata the payment's metadata
   * @return {@code true} if it carries the marker
   */
  public static boolean isOurs(Map<String, String> metadata) {
    return "1".equals(metadata.get(MARKER));
  }
}
