package ai.clouvel.core.commission.internal;

import ai.clouvel.core.commission.CommissionRequest;
import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.Donor;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.payment.InvalidWebhookException;
import ai.clouvel.core.payment.PaymentMetadata;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a commission request into a payment's metadata and reads it back, so that a webhook can
 * fulfil a payment even when the pending donation was never recorded. Metadata stays within
 * Stripe's limits (keys of 40 and values of 500 characters).
 */
final class CommissionMetadata {
  private static final int MAX_VALUE = 500;

  private CommissionMetadata() {
  }

  static Map<String, String> of(CommissionRequest request, String tier, String flow) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(PaymentMetadata.MARKER, "1");
    metadata.put(PaymentMetadata.FLOW, flow);
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
   * Reads a request back, with the amount actually paid.
   *
   * @return the request, or empty if Clouvel did not create the payment
   * @throws InvalidWebhookException if Clouvel's marker is there but the rest cannot be a request
   *     Clouvel made: the event is refused and nothing is recorded
   */
  static Optional<CommissionRequest> read(Map<String, String> metadata, Money paid, String email) {
    if (!PaymentMetadata.isOurs(metadata)) {
      return Optional.empty();
    }
    DonationType type = DonationType.fromWire(metadata.get("donation_type"))
        .orElseThrow(() -> malformed("an unknown donation_type"));
    CommissionType commissionType = null;
    if (type == DonationType.COMMISSION) {
      commissionType = CommissionType.fromWire(metadata.get("commission_type"))
          .orElseThrow(() -> malformed("a commission without a known commission_type"));
    }
    String postId = blankToNull(metadata.get("post_id"));
    if (postId == null && (type == DonationType.SUPPORT || commissionType == CommissionType.SPECIFIC_POST)) {
      throw malformed("a " + (type == DonationType.SUPPORT ? "support" : "specific_post commission")
          + " without a post_id");
    }
    if (commissionType == CommissionType.RANDOM_SUBREDDIT && blankToNull(metadata.get("subreddit")) == null) {
      throw malformed("a random_subreddit commission without a subreddit");
    }
    Donor donor = new Donor(email, metadata.get("customer_name"), metadata.get("reddit_username"),
        Boolean.parseBoolean(metadata.get("is_anonymous")));
    return Optional.of(new CommissionRequest(paid, type, commissionType, metadata.get("subreddit"), postId, donor,
        metadata.get("message")));
  }

  private static InvalidWebhookException malformed(String what) {
    return new InvalidWebhookException("the payment's metadata describes " + what, null);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static void put(Map<String, String> metadata, String key, String value) {
    if (value != null && !value.isBlank()) {
      metadata.put(key, value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE));
    }
  }
}
