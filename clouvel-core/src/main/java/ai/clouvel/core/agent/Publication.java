package ai.clouvel.core.agent;

import java.time.Instant;
import java.util.Objects;

/**
 * A product published to one Reddit target. There is at most one per product and target, so
 * publishing twice returns the first result instead of posting again.
 *
 * @param productId the product
 * @param target where: {@code post:r/<subreddit>} or {@code comment:<post id>}
 * @param redditId what Reddit created, or empty while the first call is still posting
 * @param createdAt when the first call started
 */
public record Publication(long productId, String target, String redditId, Instant createdAt) {

  /** Checks the fields. */
  public Publication {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(createdAt, "createdAt");
    redditId = redditId == null ? "" : redditId;
  }

  /**
   * Tells whether the post was made.
   *
   * @return {@code false} while the first call is still posting
   */
  public boolean isDone() {
    return !redditId.isEmpty();
  }
}
