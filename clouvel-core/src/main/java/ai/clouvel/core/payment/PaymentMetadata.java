package ai.clouvel.core.payment;

import ai.clouvel.core.commission.CommissionRequest;
import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.Donor;
import ai.clouvel.core.money.Money;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The donation details attached to a payment, within Stripe's metadata limits (at most 50 keys,
 * keys of 40 and values of 500 characters), so a webhook can fulfil a payment even when the
 * pending donation was never recorded. Payments without the {@value #MARKER} key were not created
 * by Clouvel and are ignored.
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

  private static final int MAX_VALUE = 500;

  private PaymentMetadata() {
  }

  /**
   * Writes a donation request as metadata.
   *
   * @param request the validated request
   * @param tier the tier the amount reaches, or {@code null}
   * @param flow {@link #FLOW_CHECKOUT} or {@link #FLOW_PAYMENT_INTENT}
   * @return the metadata
   */
  public static Map<String, String> of(CommissionRequest request, String tier, String flow) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(MARKER, "1");
    metadata.put(FLOW, flow);
    metadata.put("donation_type", request.donationType().wireName());
    put(metadata, "commission_type", request.commissionType() == null ? null : request.commissionType().wireName());
    put(metadata, "subreddit", request.subreddit());
    put(metadata, "post_id", request.postId());
    put(metadata, "tier", tier);
    metadata.put("amount_cents", String.valueOf(request.amount().cents()));
    put(metadata, "customer_name", request.donor().name());
    put(metadata, "reddit_username", request.donor().redditUsername());
    metadata.put("is_anonymous", String.valueOf(request.donor().anonymous()));
    put(metadata, "message", request.message());
    return metadata;
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

  /**
   * Reads a donation request back, with the amount actually paid.
   *
   * @param metadata the payment's metadata
   * @param paid the amount paid
   * @param email the payer's email, or {@code null}
   * @return the request, or empty if the metadata is not Clouvel's or is incomplete
   */
  public static Optional<CommissionRequest> read(Map<String, String> metadata, Money paid, String email) {
    if (!isOurs(metadata)) {
      return Optional.empty();
    }
    Optional<DonationType> type = DonationType.fromWire(metadata.get("donation_type"));
    if (type.isEmpty()) {
      return Optional.empty();
    }
    Donor donor = new Donor(email, metadata.get("customer_name"), metadata.get("reddit_username"),
        Boolean.parseBoolean(metadata.get("is_anonymous")));
    CommissionType commissionType = CommissionType.fromWire(metadata.get("commission_type")).orElse(null);
    return Optional.of(new CommissionRequest(paid, type.get(), commissionType, metadata.get("subreddit"),
        metadata.get("post_id"), donor, metadata.get("message")));
  }

  private static void put(Map<String, String> metadata, String key, String value) {
    if (value != null && !value.isBlank()) {
      metadata.put(key, value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE));
    }
  }
}
