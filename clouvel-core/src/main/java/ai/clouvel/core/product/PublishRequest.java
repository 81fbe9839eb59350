package ai.clouvel.core.product;

import ai.clouvel.core.content.Post;
import ai.clouvel.core.idea.ProductIdea;
import ai.clouvel.core.image.HostedImage;
import java.util.Objects;

/**
 * What a {@link ProductPublisher} turns into a product.
 *
 * @param productId the id the product will be saved under
 * @param post the post the product is made from
 * @param idea the idea
 * @param image the hosted image
 * @param template the template name (for example {@code "print"} or {@code "sticker"}) or id
 */
public record PublishRequest(long productId, Post post, ProductIdea idea, HostedImage image, String template) {

  public PublishRequest {
    Objects.requireNonNull(post, "post");
    Objects.requireNonNull(idea, "idea");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(template, "template");
  }
}
