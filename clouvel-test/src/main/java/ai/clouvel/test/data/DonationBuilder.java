package ai.clouvel.test.data;

import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.DonationSource;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.Donor;
import ai.clouvel.core.donation.NewDonation;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.payment.GatewayId;
import ai.clouvel.core.payment.PaymentRefs;
import java.util.UUID;

/**
 * Builds a valid {@link NewDonation} for a test, so that the test only spells out the fields it
 * is about. Start from {@link #commission()} or {@link #support(String)}, change what matters and
 * call {@link #build()}:
 *
 * <pre>{@code
 * NewDonation refunded = DonationBuilder.commission()
 *     .paymentId("cs_1")
 *     .amountCents(2500)
 *     .status(DonationStatus.REFUNDED)
 *     .build();
 * }</pre>
 *
 * <p>Unless changed, every donation is a succeeded $10.00 payment through {@link #GATEWAY} with
 * no payment references, in the {@code "silver"} tier; the starting points fill in the rest. The
 * builder only describes the donation: {@link #build()} writes nothing. Record it with
 * {@code store.donations().insert(...)}, or let {@link TestData} do it.
 *
 * <p>A builder is mutable and not thread-safe.
 */
public final class DonationBuilder {
  /**
   * The gateway, {@code acme-pay}, every built donation is paid through unless
   * {@link #gateway(GatewayId)} changes it. Compare with it in assertions such as
   * {@code wasPaidThrough(DonationBuilder.GATEWAY)}.
   */
  public static final GatewayId GATEWAY = GatewayId.of("acme-pay");
  /**
   * The donor of {@link #commission()}: Bea Buyer, {@code buyer@example.com}, Reddit user
   * {@code bea}, not anonymous.
   */
  public static final Donor BUYER = new Donor("buyer@example.com", "Bea Buyer", "bea", false);
  /**
   * The donor of {@link #support(String)}: Dana Donor, {@code donor@example.com}, Reddit user
   * {@code dana}, not anonymous.
   */
  public static final Donor SUPPORTER = new Donor("donor@example.com", "Dana Donor", "dana", false);

  // A random payment id keeps two builders from colliding on the store's unique payment id.
  private String paymentId = "cs_" + UUID.randomUUID();
  private DonationSource source = DonationSource.GATEWAY;
  private DonationStatus status = DonationStatus.SUCCEEDED;
  private long cents = 1000;
  private String tier = "silver";
  private DonationType type;
  private CommissionType commissionType;
  private String subreddit;
  private String postId;
  private Donor donor;
  private String message;
  private GatewayId gateway = GATEWAY;
  private PaymentRefs refs;

  private DonationBuilder() {
  }

  /**
   * Starts a commission: a donation that pays for a product from a random post of r/hiking.
   *
   * <p>Besides the builder's defaults, it has a random Checkout-Session-like payment id
   * ({@code cs_} and a UUID), type {@link DonationType#COMMISSION}, commission type
   * {@link CommissionType#RANDOM_SUBREDDIT}, subreddit {@code "hiking"}, no post, donor
   * {@link #BUYER} and the message {@code "Make it beautiful"}.
   *
   * @return a new builder for a commission
   */
  public static DonationBuilder commission() {
    DonationBuilder b = new DonationBuilder();
    b.type = DonationType.COMMISSION;
    b.commissionType = CommissionType.RANDOM_SUBREDDIT;
    b.subreddit = "hiking";
    b.donor = BUYER;
    b.message = "Make it beautiful";
    return b;
  }

  /**
   * Starts a support: a donation that backs an existing post.
   *
   * <p>Besides the builder's defaults, it has a random PaymentIntent-like payment id ({@code pi_}
   * and a UUID), type {@link DonationType#SUPPORT}, tier {@code "bronze"}, no commission type and
   * no subreddit, donor {@link #SUPPORTER} and the message {@code "Thanks!"}. The amount stays
   * $10.00 until {@link #amountCents(long)} changes it.
   *
   * @param postId the base-36 id of the supported post, for example {@code "1h1k01"}; a support
   *     without one is refused by {@link #build()}
   * @return a new builder for a support
   */
  public static DonationBuilder support(String postId) {
    DonationBuilder b = new DonationBuilder();
    b.paymentId = "pi_" + UUID.randomUUID();
    b.type = DonationType.SUPPORT;
    b.tier = "bronze";
    b.postId = postId;
    b.donor = SUPPORTER;
    b.message = "Thanks!";
    return b;
  }

  /**
   * Sets the amount paid.
   *
   * @param v the amount in whole cents, for example {@code 2500} for $25.00
   * @return this builder
   */
  public DonationBuilder amountCents(long v) {
    cents = v;
    return this;
  }

  /**
   * Sets what a commission asks for. A {@link CommissionType#SPECIFIC_POST} commission usually
   * also needs {@link #post(String, String)}.
   *
   * @param v the commission type; {@code null} only for a support
   * @return this builder
   */
  public DonationBuilder commissionType(CommissionType v) {
    commissionType = v;
    return this;
  }

  /**
   * Sets who gave, for example an anonymous donor to test what public answers hide.
   *
   * @param v the donor
   * @return this builder
   */
  public DonationBuilder donor(Donor v) {
    donor = v;
    return this;
  }

  /**
   * Sets the gateway that took the money. {@link NewDonation} names a gateway exactly when the
   * source is {@link DonationSource#GATEWAY}, so set {@code null} here together with
   * {@link #source(DonationSource)} {@code MANUAL} or {@code SCHEDULED}.
   *
   * @param v the gateway, or {@code null} for a donation that did not go through one
   * @return this builder
   */
  public DonationBuilder gateway(GatewayId v) {
    gateway = v;
    return this;
  }

  /**
   * Sets the donor's message.
   *
   * @param v the message; {@code null} is recorded as empty
   * @return this builder
   */
  public DonationBuilder message(String v) {
    message = v;
    return this;
  }

  /**
   * Sets the payment id, replacing the random one; a fixed id lets a test find the donation
   * again or provoke a duplicate.
   *
   * @param v the payment's unique id, for example {@code "cs_test_1"}
   * @return this builder
   */
  public DonationBuilder paymentId(String v) {
    paymentId = v;
    return this;
  }

  /**
   * Sets the post a commission asks for (with {@link CommissionType#SPECIFIC_POST}) or a support
   * backs, with its subreddit.
   *
   * @param s the post's subreddit, without {@code r/}
   * @param p the post's base-36 id
   * @return this builder
   */
  public DonationBuilder post(String s, String p) {
    subreddit = s;
    postId = p;
    return this;
  }

  /**
   * Sets the gateway's references to the payment, for tests that find or refund a donation by
   * them.
   *
   * @param v the references, or {@code null} for none
   * @return this builder
   */
  public DonationBuilder refs(PaymentRefs v) {
    refs = v;
    return this;
  }

  /**
   * Sets how the money arrived. For {@link DonationSource#MANUAL} or
   * {@link DonationSource#SCHEDULED}, also call {@code gateway(null)}.
   *
   * @param v the source
   * @return this builder
   */
  public DonationBuilder source(DonationSource v) {
    source = v;
    return this;
  }

  /**
   * Sets the status the donation is recorded with, for example {@link DonationStatus#PENDING} for
   * a checkout not paid yet.
   *
   * @param v the initial status
   * @return this builder
   */
  public DonationBuilder status(DonationStatus v) {
    status = v;
    return this;
  }

  /**
   * Sets the subreddit a commission asks for, keeping the post.
   *
   * @param v the subreddit, without {@code r/}
   * @return this builder
   */
  public DonationBuilder subreddit(String v) {
    subreddit = v;
    return this;
  }

  /**
   * Sets the tier name. The builder does not check it against the amount.
   *
   * @param v the tier, for example {@code "gold"}, or {@code null} below the lowest tier
   * @return this builder
   */
  public DonationBuilder tier(String v) {
    tier = v;
    return this;
  }

  /**
   * Builds the donation from the current settings. The builder can be changed and built again.
   *
   * @return the donation to record
   * @throws NullPointerException if the payment id, source, status or donor was set to {@code null}
   * @throws IllegalArgumentException if {@link NewDonation} refuses the combination: a commission
   *     without a commission type, a support without a post, or a gateway set for a source other
   *     than {@link DonationSource#GATEWAY} (or missing for it)
   */
  public NewDonation build() {
    return new NewDonation(paymentId, source, status, Money.ofCents(cents), tier, type, commissionType,
        subreddit, postId, donor, message, gateway, refs);
  }
}
