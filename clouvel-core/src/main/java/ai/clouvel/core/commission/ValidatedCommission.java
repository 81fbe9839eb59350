package ai.clouvel.core.commission;

import ai.clouvel.core.content.Post;
import ai.clouvel.core.donation.Tier;
import ai.clouvel.core.image.ImageQuality;
import java.util.Objects;

/**
 * A request that passed validation.
 *
 * @param request the request, with the post id normalised to its base-36 id
 * @param tier the tier the amount reaches, or {@code null} below the lowest tier (support only)
 * @param quality the image quality the amount buys
 * @param post the post found: the one asked for, or a candidate of the subreddit; {@code null} for
 *     {@code random_random}
 */
public record ValidatedCommission(CommissionRequest request, Tier tier, ImageQuality quality, Post post) {

  public ValidatedCommission {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(quality, "quality");
  }

  /**
   * Returns the tier's name.
   *
   * @return the name, or {@code null}
   */
  public String tierName() {
    return tier == null ? null : tier.name();
  }
}
