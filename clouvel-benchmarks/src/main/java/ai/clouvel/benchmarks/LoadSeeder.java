package ai.clouvel.benchmarks;

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
import ai.clouvel.core.image.StoredImage;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.product.ProductLinks;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.core.task.CommissionSpec;
import ai.clouvel.core.task.NewTask;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Fills a store with products, posts and donations through the store's own ports. */
final class LoadSeeder {
  private static final String[] SUBREDDITS = {"hiking", "space", "gardening", "cooking", "woodworking", "books",
      "cycling", "sailing", "coffee", "boardgames", "history", "cats"};

  private final ClouvelStore store;
  private final Clock clock;
  private final Random random = new Random(42);

  LoadSeeder(ClouvelStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Seeds products (one commissioned in five) and donations spread over their posts. */
  List<Long> seed(int products, int donations) {
    StoredImage image = store.images().save(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png");
    List<Long> ids = new ArrayList<>();
    List<String> posts = new ArrayList<>();
    Instant now = clock.instant();
    int batch = 500;
    for (int from = 0; from < products; from += batch) {
      int start = from;
      store.inTransaction(tx -> {
        for (int i = start; i < Math.min(products, start + batch); i++) {
          String subreddit = SUBREDDITS[i % SUBREDDITS.length];
          String postId = Long.toString(1_000_000L + i, 36);
          tx.posts().save(new Post(postId, subreddit, "A remarkable post number " + i + " about " + subreddit,
              "Some text for post " + i, "author" + i, null, 100 + i, 10 + i % 50, now.minusSeconds(3600L * (i % 500)),
              false, false, false, false));
          long id = tx.products().nextId();
          tx.products().save(new Product(id, postId, subreddit, "A remarkable post number " + i,
              new ProductIdea("Theme " + i, "Title of product " + i, "A description of product " + i + " to paint"),
              new HostedImage(image.id(), "http://localhost/images/" + image.id() + ".png"),
              new ProductLinks("https://www.zazzle.com/api/create/at-1?pd=" + id, "https://www.zazzle.com/x?rf=1",
                  "256344169523425346"), "template-v1", "offline-template", "clouvel-painter-v1",
              ImageQuality.STANDARD, now.minusSeconds(i)));
          ids.add(id);
          posts.add(postId);
          if (i % 5 == 0) {
            Donation commission = tx.donations().insert(donation(subreddit, null, DonationType.COMMISSION, 2500));
            String taskId = UUID.randomUUID().toString();
            tx.tasks().enqueue(new NewTask(taskId, commission.id(), new CommissionSpec(CommissionType.RANDOM_SUBREDDIT,
                subreddit, null, ImageQuality.HD, ""), 3, now));
            tx.tasks().claim("seeder", java.time.Duration.ofMinutes(5));
            tx.tasks().complete(taskId, "seeder", id);
          }
        }
        return null;
      });
    }
    int supports = donations - products / 5;
    for (int from = 0; from < supports; from += 5_000) {
      int start = from;
      store.inTransaction(tx -> {
        for (int i = start; i < Math.min(supports, start + 5_000); i++) {
          int post = random.nextInt(posts.size());
          tx.donations().insert(donation(SUBREDDITS[post % SUBREDDITS.length], posts.get(post), DonationType.SUPPORT,
              100 + random.nextInt(5_000)));
        }
        return null;
      });
    }
    return ids;
  }

  private NewDonation donation(String subreddit, String postId, DonationType type, long cents) {
    boolean anonymous = random.nextInt(4) == 0;
    return new NewDonation("load_" + UUID.randomUUID(), DonationSource.MANUAL, DonationStatus.SUCCEEDED,
        Money.ofCents(cents), cents >= 2500 ? "gold" : "bronze", type,
        type == DonationType.COMMISSION ? CommissionType.RANDOM_SUBREDDIT : null, subreddit, postId,
        new Donor("donor@example.com", "Donor " + random.nextInt(1000), "donor" + random.nextInt(1000), anonymous),
        "Thanks!", null, null);
  }
}
