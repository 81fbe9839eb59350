package ai.clouvel.test.data;

import ai.clouvel.core.content.Post;
import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.donation.Donor;
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

/**
 * Writes ready-made posts, products, donations and tasks into a store through its ports, so that
 * a test sets up its world in one line per thing. For example, a product with a $5.00 support of
 * its post:
 *
 * <pre>{@code
 * TestData data = new TestData(store, clock);
 * Product product = data.product("1h1k01", "hiking", clock.instant());
 * Donation support = data.support("1h1k01", 500, false);
 * }</pre>
 *
 * <p>Everything goes through the public ports ({@code posts()}, {@code products()},
 * {@code donations()}, {@code tasks()}), never around them, so the same setup works on any store,
 * including your own. Posts and products need only a {@link CatalogStore}; donations and tasks
 * need the store to be a {@link ClouvelStore}. The static {@code new...} methods build values
 * without writing them, for fakes such as
 * {@link ai.clouvel.test.fakes.FakeContentSource}.
 *
 * <p>TestData keeps no state of its own; it is as thread-safe as the store it writes to.
 */
public final class TestData {
  private final CatalogStore store;
  private final Clock clock;

  /**
   * Writes into a store.
   *
   * @param store the store to write to; a {@link ClouvelStore} for {@link #support},
   *     {@link #commission} and {@link #task}
   * @param clock the test's clock; posts are dated an hour before its time and tasks are due at it
   */
  public TestData(CatalogStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Builds a post without storing it: titled {@code "A title about <id>"}, with the text
   * {@code "Some text"}, author {@code author_<id>}, Reddit's usual permalink, score 42 and 7
   * comments, and not NSFW, stickied, locked or removed. The default post filter
   * ({@link ai.clouvel.core.content.PostFilter#defaults()}) accepts it while it is under 60 days
   * old and has no product yet.
   *
   * @param id the base-36 post id, for example {@code "1h1k01"}
   * @param subreddit the subreddit, without {@code r/}
   * @param at when it was posted
   * @return the post
   */
  public static Post newPost(String id, String subreddit, Instant at) {
    return new Post(id, subreddit, "A title about " + id, "Some text", "author_" + id, null, 42, 7, at,
        false, false, false, false);
  }

  /**
   * Builds a product without storing it. Its fields are derived from its ids, so two products
   * differ and a failing assertion shows which one it got:
   *
   * <ul>
   *   <li>post title {@code "A title about <postId>"}, as {@link #newPost} titles the post;
   *   <li>idea {@code "Theme <id>"}, {@code "Title <id>"}, {@code "Description <id>"};
   *   <li>image {@code img<id>} at {@code http://localhost/images/img<id>.png};
   *   <li>links {@code http://shop/<id>}, the affiliate link with {@code ?rf=1} appended, and a
   *       fixed template id;
   *   <li>prompt version {@code v1}, models {@code gpt-4o-mini} and {@code dall-e-3}, standard
   *       image quality.
   * </ul>
   *
   * @param id the product id; to store the product, take it from {@code products().nextId()}
   * @param postId the base-36 id of the post it was made from
   * @param subreddit the post's subreddit, without {@code r/}
   * @param createdAt when it was made
   * @return the product
   */
  public static Product newProduct(long id, String postId, String subreddit, Instant createdAt) {
    return new Product(id, postId, subreddit, "A title about " + postId,
        new ProductIdea("Theme " + id, "Title " + id, "Description " + id),
        new HostedImage("img" + id, "http://localhost/images/img" + id + ".png"),
        new ProductLinks("http://shop/" + id, "http://shop/" + id + "?rf=1", "256344169523425346"),
        "v1", "gpt-4o-mini", "dall-e-3", ImageQuality.STANDARD, createdAt);
  }

  /**
   * Stores a {@linkplain #newPost post} dated an hour before the clock's time, through
   * {@code posts().save}; a post with the same id is replaced.
   *
   * @param id the base-36 post id
   * @param subreddit the subreddit, without {@code r/}
   * @return the stored post
   */
  public Post post(String id, String subreddit) {
    Post post = newPost(id, subreddit, clock.instant().minusSeconds(3600));
    store.posts().save(post);
    return post;
  }

  /**
   * Stores a public {@linkplain #newProduct product} under a fresh id from
   * {@code products().nextId()}, through {@code products().save}. If the store does not know
   * the post yet, it {@linkplain #post stores it} first.
   *
   * @param postId the base-36 id of the post it was made from
   * @param subreddit the post's subreddit, without {@code r/}; also used for the post if it is
   *     stored here
   * @param createdAt when it was made; products are listed newest first by this time
   * @return the stored product
   */
  public Product product(String postId, String subreddit, Instant createdAt) {
    // SQL stores refuse a product whose post they lack (a foreign key), so the post goes first.
    if (store.posts().find(postId).isEmpty()) {
      post(postId, subreddit);
    }
    Product product = newProduct(store.products().nextId(), postId, subreddit, createdAt);
    store.products().save(product);
    return product;
  }

  /**
   * Records a succeeded support of a post through {@code donations().insert}: a
   * {@link DonationBuilder#support(String)} with a fresh random payment id, by Dana Donor
   * ({@link DonationBuilder#SUPPORTER}'s details), paid through {@link DonationBuilder#GATEWAY}.
   *
   * @param postId the base-36 id of the supported post
   * @param cents the amount in whole cents
   * @param anonymous whether the donor asked not to be named
   * @return the stored donation, with its id
   * @throws ClassCastException if the store is not a {@link ClouvelStore}
   */
  public Donation support(String postId, long cents, boolean anonymous) {
    return durable().donations().insert(DonationBuilder.support(postId)
        .amountCents(cents)
        .donor(new Donor("donor@example.com", "Dana Donor", "dana", anonymous))
        .build());
  }

  /**
   * Records a succeeded {@link DonationBuilder#commission() commission} of a random post of a
   * subreddit through {@code donations().insert}, by {@link DonationBuilder#BUYER}, paid through
   * {@link DonationBuilder#GATEWAY}.
   *
   * @param paymentId the payment's unique id, for example {@code "cs_test_1"}
   * @param cents the amount in whole cents
   * @param subreddit the subreddit asked for, without {@code r/}
   * @return the stored donation, with its id
   * @throws ClassCastException if the store is not a {@link ClouvelStore}
   * @throws ai.clouvel.core.store.DuplicateKeyException if a donation with that payment id exists
   */
  public Donation commission(String paymentId, long cents, String subreddit) {
    return durable().donations().insert(DonationBuilder.commission()
        .paymentId(paymentId)
        .amountCents(cents)
        .subreddit(subreddit)
        .build());
  }

  /**
   * Enqueues a {@linkplain TaskBuilder task} due at the clock's time, through
   * {@code tasks().enqueue}: a random id, {@link TaskBuilder#DEFAULT_SPEC} and three attempts.
   *
   * @param donationId the donation that pays for it, or {@code null} for none
   * @return the stored task
   * @throws ClassCastException if the store is not a {@link ClouvelStore}
   * @throws ai.clouvel.core.store.DuplicateKeyException if the donation already has a task
   */
  public Task task(Long donationId) {
    return durable().tasks().enqueue(TaskBuilder.task(clock.instant()).donation(donationId).build());
  }

  // Only a ClouvelStore has donations and a task queue; a catalog-only store fails here, loudly.
  private ClouvelStore durable() {
    return (ClouvelStore) store;
  }
}
