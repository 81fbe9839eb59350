package ai.clouvel.core.commission;

import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.Donor;
import ai.clouvel.core.money.Money;
import java.util.Objects;

/**
 * What someone asks for when they pay: a commission or support, with its details.
 *
 * @param amount the amount offered
 * @param donationType commission or support
 * @param commissionType the commission type, or {@code null} for support
 * @param subreddit the subreddit, or {@code null}
 * @param postId the post, as an id or a Reddit URL, or {@code null}
 * @param donor who gives
 * @param message the donor's wish; empty if none
 */
public record CommissionRequest(Money amount, DonationType donationType, CommissionType commissionType,
    String subreddit, String postId, Donor donor, String message) {

  public CommissionRequest {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(donationType, "donationType");
    donor = donor == null ? Donor.UNKNOWN : donor;
    message = message == null ? "" : message.strip();
    subreddit = blankToNull(subreddit);
    postId = blankToNull(postId);
  }

  private static String blankToNull(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String stripped = text.strip();
    return stripped.startsWith("r/") ? stripped.substring(2) : stripped;
  }
}
