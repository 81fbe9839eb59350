package ai.clouvel.store.testing;

import ai.clouvel.core.task.CommissionSpec;
import ai.clouvel.core.content.Post;
import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.donation.DonationSource;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.Donor;
import ai.clouvel.core.donation.NewDonation;
import ai.clouvel.core.idea.ProductIdea;
import ai.clouvel.core.image.HostedImage;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.payment.GatewayId;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.product.ProductLinks;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.core.task.NewTask;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Builders of test data, written through the store's own ports. */
public final class Fixtures {
  private final ClouvelStore store;
  private final Clock clock;

  public Fixtures(ClouvelStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Post post(String id, String subreddit) {
    Post post = new Post(id, subreddit, "A title about " + id, "Some text", "author_" + id, null, 42,
        7, clock.instant().minusSeconds(3600), false, false, false, false);
    store.posts().save(post);
    return post;
  }

  public Product product(String postId, String subreddit, Instant createdAt) {
    if (store.posts().find(postId).isEmpty()) {
      post(postId, subreddit);
    }
    long id = store.products().nextId();
    Product product = new Product(id, postId, subreddit, "A title about " + postId,
        new ProductIdea("Theme " + id, "Title " + id, "Description " + id),
        new HostedImage("img" + id, "http://localhost/images/img" + id + ".png"),
        new ProductLinks("http://shop/" + id, "http://shop/" + id + "?rf=1", "256344169523425346"),
        "v1", "gpt-4o-mini", "dall-e-3", ImageQuality.STANDARD, createdAt);
    store.products().save(product);
    return product;
  }

  public Donation support(String postId, long cents, boolean anonymous) {
    return store.donations().insert(new NewDonation("pi_" + UUID.randomUUID(), DonationSource.GATEWAY,
        DonationStatus.SUCCEEDED, Money.ofCents(cents), "bronze", DonationType.SUPPORT, null, null, postId,
        new Donor("donor@example.com", "Dana Donor", "dana", anonymous), "Thanks!", GATEWAY, null));
  }

  public Donation commission(String paymentId, long cents, String subreddit) {
    return store.donations().insert(new NewDonation(paymentId, DonationSource.GATEWAY,
        DonationStatus.SUCCEEDED, Money.ofCents(cents), "silver", DonationType.COMMISSION,
        CommissionType.RANDOM_SUBREDDIT, subreddit, null,
        new Donor("buyer@example.com", "Bea Buyer", "bea", false), "Make it beautiful", GATEWAY, null));
  }

  /** The gateway the fixtures' donations are paid through. */
  public static final GatewayId GATEWAY = GatewayId.of("acme-pay");

  public static CommissionSpec spec() {
    return new CommissionSpec(CommissionType.RANDOM_RANDOM, null, null, ImageQuality.STANDARD, "");
  }

  public NewTask task(Long donationId) {
    return new NewTask(UUID.randomUUID().toString(), donationId, spec(), 3, clock.instant());
  }
}
