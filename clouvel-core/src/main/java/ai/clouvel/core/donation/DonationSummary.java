package ai.clouvel.core.donation;

import ai.clouvel.core.money.Money;
import java.time.Instant;

/**
 * What the public may see of a donation: no email, and no name of an anonymous donor.
 *
 * @param id the donation id
 * @param amount the amount
 * @param tier the tier name, or {@code null}
 * @param type commission or support
 * @param commissionType the commission type, or {@code null}
 * @param status the status
 * @param donorName the public name, {@code "Anonymous"} for anonymous donors
 * @param redditUsername the donor's Reddit username, or {@code null} for anonymous donors
 * @param message the donor's message
 * @param subreddit the subreddit, or {@code null}
 * @param postId the post, or {@code null}
 * @param createdAt when it was recorded
 */
public record DonationSummary(
    long id,
    Money amount,
    String tier,
    DonationType type,
    CommissionType commissionType,
    DonationStatus status,
    String donorName,
    String redditUsername,
    String message,
    String subreddit,
    String postId,
    Instant createdAt) {

  /**
   * Makes the public view of a donation.
   *
   * @param donation the donation
   * @return its public summary
   */
  public static DonationSummary of(Donation donation) {
    return new DonationSummary(donation.id(), donation.amount(), donation.tier(), donation.type(),
        donation.commissionType(), donation.status(), donation.donor().publicName(),
        donation.donor().publicRedditUsername(), donation.message(), donation.subreddit(),
        donation.postId(), donation.createdAt());
  }
}
