package ai.clouvel.core.task;

import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.image.ImageQuality;
import java.util.Objects;

/**
 * What a commission task must make.
 *
 * @param type the commission type
 * @param subreddit the subreddit, or {@code null} for {@code random_random}
 * @param postId the post to use, or {@code null} to pick one when the task runs
 * @param quality the image quality the donation bought
 * @param message the commissioner's wish; empty if none
 */
public record CommissionSpec(CommissionType type, String subreddit, String postId,
    ImageQuality quality, String message) {

  public CommissionSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(quality, "quality");
    message = message == null ? "" : message;
    if (type == CommissionType.RANDOM_SUBREDDIT && (subreddit == null || subreddit.isBlank())) {
      throw new IllegalArgumentException("random_subreddit needs a subreddit");
    }
    if (type == CommissionType.SPECIFIC_POST && (postId == null || postId.isBlank())) {
      throw new IllegalArgumentException("specific_post needs a post id");
    }
  }
}
