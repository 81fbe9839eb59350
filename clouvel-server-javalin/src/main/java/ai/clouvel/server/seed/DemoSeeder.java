package ai.clouvel.server.seed;

import ai.clouvel.core.Clouvel;
import ai.clouvel.core.donation.DonationSource;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.Donor;
import ai.clouvel.core.donation.NewDonation;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.pipeline.PipelineException;
import ai.clouvel.core.pipeline.PipelineRequest;
import ai.clouvel.core.pipeline.PostSelection;
import ai.clouvel.core.pipeline.ProgressListener;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.store.ClouvelStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty demo store with a gallery: products from different subreddits, made by the same
 * pipeline as everything else, and a few support donations so the gallery shows them.
 */
public final class DemoSeeder {
  private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
  private static final String[] SUPPORTERS = {"trailmix_fan", "nebula_nerd", "greenthumb", null};

  private final Clouvel clouvel;
  private final ClouvelStore store;

  public DemoSeeder(Clouvel clouvel, ClouvelStore store) {
    this.clouvel = clouvel;
    this.store = store;
  }

  /**
   * Seeds when there are no products yet. Stops early, keeping what it made, when its thread is
   * interrupted.
   *
   * @param count how many products to make
   * @return the products made; empty if the store was not empty
   */
  public List<Product> seedIfEmpty(int count) {
    if (store.products().list(PageRequest.first(1), null).total() > 0) {
      return List.of();
    }
    List<String> subreddits = clouvel.content().suggestedSubreddits();
    List<Product> made = new ArrayList<>();
    for (int i = 0; made.size() < count && i < count * 3 && !Thread.currentThread().isInterrupted(); i++) {
      PostSelection selection = subreddits.isEmpty() ? PostSelection.anySubreddit()
          : PostSelection.fromSubreddit(subreddits.get(i % subreddits.size()));
      try {
        made.add(clouvel.pipeline().run(new PipelineRequest(selection,
            i % 3 == 0 ? ImageQuality.HD : ImageQuality.STANDARD, "print", ""), ProgressListener.none()).product());
      } catch (PipelineException e) {
        log.debug("Seeding skipped one product: {}", e.getMessage());
      }
    }
    for (int i = 0; i < made.size(); i += 2) {
      Product product = made.get(i);
      String supporter = SUPPORTERS[i % SUPPORTERS.length];
      Money amount = Money.ofCents(500 + 250L * i);
      String tier = clouvel.commissionRules().tiers().tierFor(amount).map(t -> t.name()).orElse(null);
      store.donations().insert(new NewDonation("seed_" + UUID.randomUUID(), DonationSource.MANUAL,
          DonationStatus.SUCCEEDED, amount, tier, DonationType.SUPPORT, null,
          product.subreddit(), product.postId(), new Donor(null, supporter, supporter, supporter == null),
          "Love this one!", null, null));
    }
    if (Thread.currentThread().isInterrupted()) {
      log.info("Stopped seeding the demo gallery after {} products", made.size());
    } else {
      log.info("Seeded the demo gallery with {} products", made.size());
    }
    return made;
  }
}
