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

/** Stand-in. */
public final class DonationBuilder {
  /** Stand-in. */
  public static final GatewayId GATEWAY = GatewayId.of("acme-pay");
  /** Stand-in. */
  public static final Donor BUYER = new Donor("buyer@example.com", "Bea Buyer", "bea", false);
  /** Stand-in. */
  public static final Donor SUPPORTER = new Donor("donor@example.com", "Dana Donor", "dana", false);

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

  /** @return stand-in */
  public static DonationBuilder commission() {
    DonationBuilder b = new DonationBuilder();
    b.type = DonationType.COMMISSION;
    b.commissionType = CommissionType.RANDOM_SUBREDDIT;
    b.subreddit = "hiking";
    b.donor = BUYER;
    b.message = "Make it beautiful";
    return b;
  }

  /** @param postId p @return stand-in */
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

  /** @param v v @return this */ public DonationBuilder amountCents(long v) { cents = v; return this; }
  /** @param v v @return this */ public DonationBuilder commissionType(CommissionType v) { commissionType = v; return this; }
  /** @param v v @return this */ public DonationBuilder donor(Donor v) { donor = v; return this; }
  /** @param v v @return this */ public DonationBuilder gateway(GatewayId v) { gateway = v; return this; }
  /** @param v v @return this */ public DonationBuilder message(String v) { message = v; return this; }
  /** @param v v @return this */ public DonationBuilder paymentId(String v) { paymentId = v; return this; }
  /** @param s s @param p p @return this */
  public DonationBuilder post(String s, String p) { subreddit = s; postId = p; return this; }
  /** @param v v @return this */ public DonationBuilder refs(PaymentRefs v) { refs = v; return this; }
  /** @param v v @return this */ public DonationBuilder source(DonationSource v) { source = v; return this; }
  /** @param v v @return this */ public DonationBuilder status(DonationStatus v) { status = v; return this; }
  /** @param v v @return this */ public DonationBuilder subreddit(String v) { subreddit = v; return this; }
  /** @param v v @return this */ public DonationBuilder tier(String v) { tier = v; return this; }

  /** @return stand-in */
  public NewDonation build() {
    return new NewDonation(paymentId, source, status, Money.ofCents(cents), tier, type, commissionType, subreddit,
        postId, donor, message, gateway, refs);
  }
}
