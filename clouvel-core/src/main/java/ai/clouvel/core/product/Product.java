package ai.clouvel.core.product;

import ai.clouvel.core.idea.ProductIdea;
import ai.clouvel.core.image.HostedImage;
import ai.clouvel.core.image.ImageQuality;
import java.time.Instant;
import java.util.Objects;

/**
 * A generated product.
 *
 * @param id the product id
 * @param postId the post it was made from
 * @param subreddit the post's subreddit
 * @param postTitle the post's title, kept so the product reads well on its own
 * @param idea the idea
 * @param image the hosted image
 * @param links where it can be bought
 * @param promptVersion the version of the idea prompt
 * @param ideaModel the model that produced the idea
 * @param imageModel the model that painted the image
 * @param imageQuality the quality the image was painted at
 * @param createdAt when it was made
 */
public record Product(
    long id,
    String postId,
    String subreddit,
    String postTitle,
    ProductIdea idea,
    HostedImage image,
    ProductLinks links,
    String promptVersion,
    String ideaModel,
    String imageModel,
    ImageQuality imageQuality,
    Instant createdAt) {

  public Product {
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(subreddit, "subreddit");
    Objects.requireNonNull(postTitle, "postTitle");
    Objects.requireNonNull(idea, "idea");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(links, "links");
    Objects.requireNonNull(promptVersion, "promptVersion");
    Objects.requireNonNull(ideaModel, "ideaModel");
    Objects.requireNonNull(imageModel, "imageModel");
    Objects.requireNonNull(imageQuality, "imageQuality");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
