package ai.clouvel.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.content.Post;
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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gallery page against the API's answers, in real headless Chromium, over thirty products in
 * three subreddits: the cards of each page, newest and oldest first, the subreddit filter, the
 * address in step (a linked page shows the same, the back button goes back), support totals on the
 * cards, the subreddit list from {@code /api/subreddits} and the empty state.
 */
class GalleryBrowserTest {
  private static final int PAGE_SIZE = 12;
  private static final String CARDS = "[...document.querySelectorAll('#gallery .card a')].map(a => a.getAttribute('href')).join(' ')";

  @TempDir
  Path directory;

  @Test
  void pagesFilterAndSortShowWhatTheApiAnswers() throws Exception {
    try (BrowserFlow flow = BrowserFlow.start(directory, Map.of("WORKERS", "0", "SEED_DEMO", "false",
        "CACHE_TTL_SECONDS", "0"))) {
      ClouvelStore store = flow.server.clouvel().store();
      List<String> subreddits = List.of("cats", "space", "cats", "hiking", "cats", "space");
      Instant start = Instant.now().minus(Duration.ofDays(1));
      Product supported = null;
      for (int i = 0; i < 30; i++) {
        Product product = product(store, subreddits.get(i % subreddits.size()), i, start.plus(Duration.ofMinutes(i)));
        if (i == 27) {
          supported = product;
        }
      }
      store.donations().insert(new NewDonation("pi_gallery_support", DonationSource.GATEWAY, DonationStatus.SUCCEEDED,
          Money.ofCents(1234), "silver", DonationType.SUPPORT, null, null, supported.postId(),
          new Donor(null, "Dana", null, false), "", GatewayId.of("demo"), null));

      flow.open("/");
      assertShows(flow, "", "new", 1, 30);
      assertThat(flow.chromium.evaluate("document.getElementById('page-of').textContent")).isEqualTo("Page 1 of 3");
      assertThat(flow.chromium.evaluate("document.querySelector('#gallery a[href=\"/p/" + supported.id() + "\"] .support').textContent"))
          .isEqualTo("$12.34 from 1 supporter");
      assertThat(flow.chromium.evaluate("[...document.getElementById('filter-subreddit').options].slice(1).map(o => o.value).join(' ')"))
          .as("the filter lists the known subreddits").isEqualTo(BrowserFlow.items(flow.get("/api/subreddits"))
              .stream().map(s -> (String) s.get("name")).collect(Collectors.joining(" ")));

      flow.click("#page-next");
      flow.awaitEquals("location.search", "?page=2", 10);
      assertShows(flow, "", "new", 2, 30);
      flow.click("#page-next");
      flow.awaitEquals("location.search", "?page=3", 10);
      assertShows(flow, "", "new", 3, 30);
      assertThat(flow.chromium.evaluate("String(document.getElementById('page-next').hidden)")).isEqualTo("true");

      choose(flow, "filter-sort", "old");
      flow.awaitEquals("location.search", "?sort=old", 10);
      assertShows(flow, "", "old", 1, 30);

      choose(flow, "filter-subreddit", "cats");
      flow.awaitEquals("location.search", "?subreddit=cats&sort=old", 10);
      assertShows(flow, "cats", "old", 1, 15);
      flow.click("#page-next");
      flow.awaitEquals("location.search", "?page=2&subreddit=cats&sort=old", 10);
      assertShows(flow, "cats", "old", 2, 15);

      flow.chromium.evaluate("history.back(); 'back'");
      flow.awaitEquals("location.search", "?subreddit=cats&sort=old", 10);
      assertShows(flow, "cats", "old", 1, 15);
      flow.chromium.evaluate("history.back(); 'back'");
      flow.awaitEquals("location.search", "?sort=old", 10);
      assertShows(flow, "", "old", 1, 30);

      flow.open("/?page=2&subreddit=cats");
      assertShows(flow, "cats", "new", 2, 15);
      flow.open("/?subreddit=space");
      assertShows(flow, "space", "new", 1, 10);
      flow.open("/?page=2&subreddit=hiking");
      flow.awaitEquals("String(document.getElementById('gallery-empty').hidden)", "false", 10);
      assertThat(flow.chromium.evaluate("document.getElementById('gallery-empty-text').textContent"))
          .isEqualTo("Page 2 is past the end: there is 1 page.");
      flow.open("/?subreddit=books");
      flow.awaitEquals("String(document.getElementById('gallery-empty').hidden)", "false", 10);
      assertThat(flow.chromium.evaluate("document.getElementById('gallery-empty-text').textContent"))
          .isEqualTo("No products from r/books yet.");
      assertThat(flow.chromium.evaluate("document.getElementById('gallery-empty-link').getAttribute('href')"))
          .isEqualTo("/commission?subreddit=books");
    }
  }

  /** Waits until the page shows the cards the API gives for this page, subreddit and order. */
  private static void assertShows(BrowserFlow flow, String subreddit, String sort, int page, int expectedTotal)
      throws Exception {
    String filter = subreddit.isEmpty() ? "" : "&subreddit=" + subreddit;
    Map<String, Object> all = flow.get("/api/generated_products?limit=100" + filter);
    assertThat(((Number) all.get("total")).intValue()).isEqualTo(expectedTotal);
    List<String> ids = new ArrayList<>(BrowserFlow.items(all).stream().map(p -> "/p/" + p.get("id")).toList());
    if (sort.equals("old")) {
      Collections.reverse(ids);
    }
    List<String> expected = ids.subList(Math.min(ids.size(), (page - 1) * PAGE_SIZE), Math.min(ids.size(), page * PAGE_SIZE));
    flow.awaitEquals(CARDS, String.join(" ", expected), 20);
    assertThat(flow.chromium.evaluate("document.getElementById('filter-subreddit').value")).isEqualTo(subreddit);
    assertThat(flow.chromium.evaluate("document.getElementById('filter-sort').value")).isEqualTo(sort);
    assertThat(flow.chromium.evaluate("document.getElementById('gallery-status').textContent"))
        .startsWith(expectedTotal + " products");
  }

  private static void choose(BrowserFlow flow, String select, String value) throws Exception {
    flow.chromium.evaluate("(() => { const s = document.getElementById('" + select + "'); s.value = '" + value + "';"
        + " s.dispatchEvent(new Event('change')); return 'chosen'; })()");
  }

  private static Product product(ClouvelStore store, String subreddit, int i, Instant createdAt) {
    String postId = "g" + Integer.toString(1000 + i, 36);
    store.posts().save(new Post(postId, subreddit, "Post number " + i + " of r/" + subreddit, "Some text", "author" + i,
        "https://www.reddit.com/r/" + subreddit + "/comments/" + postId + "/", 50, 30, createdAt, false, false, false, false));
    long id = store.products().nextId();
    Product product = new Product(id, postId, subreddit, "Post number " + i,
        new ProductIdea("Theme " + i, "Picture " + i + " of r/" + subreddit, "A picture"),
        new HostedImage("img" + id, "/images/" + String.format("%040x", id) + ".png"),
        new ProductLinks("/p/" + id, "/p/" + id + "?ref=clouvel", "256344169523425346"),
        "v1", "template", "painter", ImageQuality.STANDARD, createdAt);
    store.products().save(product);
    return product;
  }
}
