package ai.clouvel.examples;

import ai.clouvel.core.Clouvel;
import ai.clouvel.core.agent.CommunityPublisher;
import ai.clouvel.core.pipeline.PipelineRequest;
import ai.clouvel.core.pipeline.PipelineResult;
import ai.clouvel.core.pipeline.PostSelection;
import ai.clouvel.core.product.Product;
import java.util.Objects;

/**
 * A user's own code on Clouvel, and what {@code ProductOfTheDayTest} tests with the test kit only:
 * makes today's product from a subreddit and announces it to the community subreddit.
 */
public final class ProductOfTheDay {
  private final Clouvel clouvel;
  private final CommunityPublisher community;
  private final String communitySubreddit;

  /**
   * Wires the job.
   *
   * @param clouvel the configured Clouvel
   * @param community where the product is announced
   * @param communitySubreddit the subreddit announcements go to
   */
  public ProductOfTheDay(Clouvel clouvel, CommunityPublisher community, String communitySubreddit) {
    this.clouvel = Objects.requireNonNull(clouvel, "clouvel");
    this.community = Objects.requireNonNull(community, "community");
    this.communitySubreddit = Objects.requireNonNull(communitySubreddit, "communitySubreddit");
  }

  /**
   * Makes a product from a subreddit's trending posts and announces it.
   *
   * @param subreddit where to look
   * @return the product
   */
  public Product run(String subreddit) {
    PipelineResult result = clouvel.pipeline().run(PipelineRequest.of(PostSelection.fromSubreddit(subreddit)),
        progress -> { });
    Product product = result.product();
    community.submit(communitySubreddit, "Product of the day: " + product.idea().imageTitle()
        + " (from r/" + product.subreddit() + ")", product.links().productUrl());
    return product;
  }
}
