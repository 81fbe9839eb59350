package ai.clouvel.core.donation;

import ai.clouvel.core.money.Money;
import java.time.Instant;

/**
 * A succeeded donation as the public list of recent donations shows it: no email, no message, and
 * the name only of a donor who chose to be named.
 *
 * @param amount the amount
 * @param tier the tier name, or {@code null}
 * @param type commission or support
 * @param commissionType the commission type, or {@code null}
 * @param donorName the public name, {@code "Anonymous"} for anonymous donors (see {@link Donor#publicName()})
 * @param subreddit the subreddit, or {@code null} while a random commission has none
 * @param postId the post, or {@code null}
 * @param productId the published product of that post, or {@code null}
 * @param createdAt when it was recorded
 */
public record RecentDonation(Money amount, String tier, DonationType type, CommissionType commissionType,
    String donorName, String subreddit, String postId, Long productId, Instant createdAt) {
}
