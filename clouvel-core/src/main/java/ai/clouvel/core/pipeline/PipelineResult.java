package ai.clouvel.core.pipeline;

import ai.clouvel.core.content.Post;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.usage.Usage;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of a successful pipeline run.
 *
 * @param product the saved product
 * @param post the post it was made from
 * @param usage what each provider call consumed, in call order
 * @param elapsed how long the run took
 */
public record PipelineResult(Product product, Post post, List<Usage> usage, Duration elapsed) {

  public PipelineResult {
    usage = List.copyOf(usage);
  }
}
