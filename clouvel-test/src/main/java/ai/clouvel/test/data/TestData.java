package ai.clouvel.test.data;

import ai.clouvel.core.content.Post;
import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.idea.ProductIdea;
import ai.clouvel.core.image.HostedImage;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.product.ProductLinks;
import ai.clouvel.core.store.CatalogStore;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.core.task.Task;
import java.time.Clock;
import java.time.Instant;

/** Stand-in. */
public final class TestData {
  private final CatalogStore store;
  private final Clock clock;

  /** @param store s @param clock c */
  public TestData(CatalogStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** @param id i @param subreddit s @param at a @return stand-in */
  public static Post newPost(String id, String subreddit, Instant at) {
    return new Post(id, subreddit, "A title about " + id, "Some text", "author_" + id, null, 42, 7, at,
        false, false, false, false);
  }

  /** @param id i @param postId p @param subreddit s @param createdAt c @return stand-in */
  public static Product newProduct(long id, String postId, String subreddit, Instant createdAt) {
    return new Product(id, postId, subreddit, "A title about " + postId,
        new ProductIdea("Theme " + id, "Title " + id, "Description " + id),
        new HostedImage("img" + id, "http://localhost/images/img" + id + ".png"),
        new ProductLinks("http://shop/" + id, "http://shop/" + id + "?rf=1", "256344169523425346"),
        "v1", "gpt-4o-mini", "dall-e-3", ImageQuality.STANDARD, createdAt);
  }

  /** @param id i @param subreddit s @return stand-in */
  public Post post(String id, String subreddit) {
    Post post = newPost(id, subreddit, clock.instant().minusSeconds(3600));
    store.posts().save(post);
    return post;
  }

  /** @param postId p @param subreddit s @param createdAt c @return stand-in */
  public Product product(String postId, String subreddit, Instant createdAt) {
    if (store.posts().find(postId).isEmpty()) {
      post(postId, subreddit);
    }
    Product product = newProduct(store.products().nextId(), postId, subreddit, createdAt);
    store.products().save(product);
    return product;
  }

  /** @param postId p @param cents c @param anonymous a @return stand-in */
  public Donation support(String postId, long cents, boolean anonymous) {
    return durable().donations().insert(DonationBuilder.support(postId).amountCents(cents)
        .donor(new ai.clouvel.core.donation.Donor("donor@example.com", "Dana Donor", "dana", anonymous)).build());
  }

  /** @param paymentId p @param cents c @param subreddit s @return stand-in */
  public Donation commission(String paymentId, long cents, String subreddit) {
    return durable().donations().insert(DonationBuilder.commission().paymentId(paymentId).amountCents(cents)
        .subreddit(subreddit).build());
  }

  /** @param donationId d @return stand-in */
  public Task task(Long donationId) {
    return durable().tasks().enqueue(TaskBuilder.task(clock.instant()).donation(donationId).build());
  }

  private ClouvelStore durable() {
    return (ClouvelStore) store;
  }
}
