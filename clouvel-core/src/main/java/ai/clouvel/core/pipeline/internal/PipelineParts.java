package ai.clouvel.core.pipeline.internal;

import ai.clouvel.core.content.ContentSource;
import ai.clouvel.core.content.PostFilter;
import ai.clouvel.core.idea.CommentSummarizer;
import ai.clouvel.core.idea.IdeaGenerator;
import ai.clouvel.core.image.ImageGenerator;
import ai.clouvel.core.image.ImageHost;
import ai.clouvel.core.image.ImageStamper;
import ai.clouvel.core.product.ProductPublisher;
import ai.clouvel.core.store.CatalogStore;
import ai.clouvel.core.time.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Everything a {@link ProductPipeline} is made of. {@link ai.clouvel.core.Clouvel.Builder} fills
 * this in with documented defaults.
 *
 * @param content where posts come from
 * @param summarizer summarises comments
 * @param ideas turns posts into ideas
 * @param images paints images
 * @param stamper post-processes images
 * @param host hosts images
 * @param publisher publishes products
 * @param catalog saves posts, products, images and usage
 * @param postFilter decides which posts are eligible
 * @param subreddits where to look for "any subreddit"; empty means the source's suggestions
 * @param publicBaseUrl the public address of the server, without a trailing slash
 * @param clock what time it is
 * @param ticker fires image-progress ticks
 * @param progressInterval time between image-progress ticks
 * @param initialImageEstimate the image-call duration to assume before any call finished
 * @param random picks among eligible posts
 */
public record PipelineParts(
    ContentSource content,
    CommentSummarizer summarizer,
    IdeaGenerator ideas,
    ImageGenerator images,
    ImageStamper stamper,
    ImageHost host,
    ProductPublisher publisher,
    CatalogStore catalog,
    PostFilter postFilter,
    List<String> subreddits,
    String publicBaseUrl,
    Clock clock,
    Ticker ticker,
    Duration progressInterval,
    Duration initialImageEstimate,
    RandomGenerator random) {

  public PipelineParts {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(summarizer, "summarizer");
    Objects.requireNonNull(ideas, "ideas");
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(stamper, "stamper");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(postFilter, "postFilter");
    subreddits = List.copyOf(subreddits);
    Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(ticker, "ticker");
    Objects.requireNonNull(progressInterval, "progressInterval");
    Objects.requireNonNull(initialImageEstimate, "initialImageEstimate");
    Objects.requireNonNull(random, "random");
  }
}
