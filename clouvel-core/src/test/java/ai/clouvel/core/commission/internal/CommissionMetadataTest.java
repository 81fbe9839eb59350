package ai.clouvel.core.commission.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.commission.CommissionRequest;
import ai.clouvel.core.commission.internal.CommissionMetadata;
import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.Donor;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.payment.InvalidWebhookException;
import ai.clouvel.core.payment.PaymentMetadata;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A commission written into a payment's metadata comes back from the webhook as it was asked for. */
class CommissionMetadataTest {
  private static final Donor DONOR = new Donor("jo@example.com", "Jo", "jo_hikes", false);

  @Test
  void aRequestRoundTripsWithTheAmountActuallyPaid() {
    CommissionRequest asked = new CommissionRequest(Money.ofDollars(25), DonationType.COMMISSION,
        CommissionType.SPECIFIC_POST, "hiking", "1h1k01", DONOR, "Make it blue");
    Map<String, String> metadata = CommissionMetadata.of(asked, "gold", PaymentMetadata.FLOW_CHECKOUT);

    assertThat(metadata).containsEntry(PaymentMetadata.MARKER, "1")
        .containsEntry(PaymentMetadata.FLOW, "checkout")
        .containsEntry("donation_type", "commission")
        .containsEntry("commission_type", "specific_post")
        .containsEntry("subreddit", "hiking")
        .containsEntry("post_id", "1h1k01")
        .containsEntry("tier", "gold")
        .containsEntry("amount_cents", "2500")
        .containsEntry("customer_name", "Jo")
        .containsEntry("reddit_username", "jo_hikes")
        .containsEntry("is_anonymous", "false")
        .containsEntry("message", "Make it blue")
        .as("the email goes to the gateway's receipt field, never into metadata")
        .doesNotContainValue("jo@example.com");

    CommissionRequest read = CommissionMetadata.read(metadata, Money.ofCents(2600), "payer@example.com").orElseThrow();
    assertThat(read).isEqualTo(new CommissionRequest(Money.ofCents(2600), DonationType.COMMISSION,
        CommissionType.SPECIFIC_POST, "hiking", "1h1k01", new Donor("payer@example.com", "Jo", "jo_hikes", false),
        "Make it blue"));
  }

  @Test
  void emptyFieldsAreLeftOutAndLongOnesCutToTheGatewaysLimit() {
    CommissionRequest support = new CommissionRequest(Money.ofDollars(3), DonationType.SUPPORT, null, null, "1h1k01",
        new Donor(null, null, null, true), "m".repeat(600));
    Map<String, String> metadata = CommissionMetadata.of(support, null, PaymentMetadata.FLOW_PAYMENT_INTENT);
    assertThat(metadata).doesNotContainKeys("commission_type", "subreddit", "tier", "customer_name",
        "reddit_username");
    assertThat(metadata).containsEntry("is_anonymous", "true").containsEntry("donation_type", "support");
    assertThat(metadata.get("message")).hasSize(500);
    Map<String, String> exactly = CommissionMetadata.of(new CommissionRequest(Money.ofDollars(3), DonationType.SUPPORT,
        null, null, "1h1k01", null, "n".repeat(500)), null, PaymentMetadata.FLOW_CHECKOUT);
    assertThat(exactly.get("message")).isEqualTo("n".repeat(500));

    CommissionRequest read = CommissionMetadata.read(metadata, Money.ofDollars(3), null).orElseThrow();
    assertThat(read.donationType()).isEqualTo(DonationType.SUPPORT);
    assertThat(read.commissionType()).isNull();
    assertThat(read.postId()).isEqualTo("1h1k01");
    assertThat(read.donor().anonymous()).isTrue();
  }

  @Test
  void paymentsWithoutTheMarkerAreNotOurs() {
    assertThat(CommissionMetadata.read(Map.of("order", "42"), Money.ofDollars(5), null)).isEmpty();
    assertThat(CommissionMetadata.read(Map.of(PaymentMetadata.MARKER, "yes", "donation_type", "commission"),
        Money.ofDollars(5), null)).isEmpty();
  }

  @Test
  void markedMetadataThatNoRequestOfOursCouldHaveWrittenIsRefused() {
    assertMalformed(Map.of("donation_type", "gift"));
    assertMalformed(Map.of());
    assertMalformed(Map.of("donation_type", "commission"));
    assertMalformed(Map.of("donation_type", "commission", "commission_type", "whatever"));
    assertMalformed(Map.of("donation_type", "commission", "commission_type", "specific_post"));
    assertMalformed(Map.of("donation_type", "commission", "commission_type", "specific_post", "post_id", " "));
    assertMalformed(Map.of("donation_type", "support"));
    assertMalformed(Map.of("donation_type", "commission", "commission_type", "random_subreddit"));
    assertMalformed(Map.of("donation_type", "commission", "commission_type", "random_subreddit", "subreddit", " "));

    assertThat(read(Map.of("donation_type", "commission", "commission_type", "random_random")).commissionType())
        .isEqualTo(CommissionType.RANDOM_RANDOM);
    assertThat(read(Map.of("donation_type", "commission", "commission_type", "random_subreddit", "subreddit",
        "cats")).subreddit()).isEqualTo("cats");
    assertThat(read(Map.of("donation_type", "support", "post_id", "1h1k01", "commission_type", "specific_post"))
        .commissionType()).as("support has no commission type").isNull();
  }

  private static CommissionRequest read(Map<String, String> fields) {
    Map<String, String> metadata = new HashMap<>(fields);
    metadata.put(PaymentMetadata.MARKER, "1");
    return CommissionMetadata.read(metadata, Money.ofDollars(30), null).orElseThrow();
  }

  private static void assertMalformed(Map<String, String> fields) {
    Map<String, String> metadata = new HashMap<>(fields);
    metadata.put(PaymentMetadata.MARKER, "1");
    assertThatThrownBy(() -> CommissionMetadata.read(metadata, Money.ofDollars(30), null))
        .isInstanceOf(InvalidWebhookException.class)
        .hasMessageStartingWith("the payment's metadata describes ");
  }
}
