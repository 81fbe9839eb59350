package ai.clouvel.store;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.content.Post;
import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.donation.DonationSource;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.Donor;
import ai.clouvel.core.donation.NewDonation;
import ai.clouvel.core.donation.ProductDonations;
import ai.clouvel.core.donation.DonationSummary;
import ai.clouvel.core.idea.ProductIdea;
import ai.clouvel.core.image.HostedImage;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.payment.GatewayId;
import ai.clouvel.core.product.GalleryItem;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.product.ProductLinks;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.test.time.MutableClock;
import ai.clouvel.store.testing.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A post's support count and sum, which the gallery and bulk donations read from
 * {@code post_supports}, follow every write that moves a support into or out of "succeeded",
 * or changes its amount: exactly once, also under concurrent transitions. Runs on
 * SQLite ({@link SqliteSupportTotalsTest}) and PostgreSQL ({@link PostgresSupportTotalsTest}).
 */
@ExtendWith(TestStores.Extension.class)
abstract class SupportTotalsContractTest {
  private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
  private SqlStore store;

  @TempDir
  Path directory;

  protected abstract TestStores.Kind kind();

  @BeforeEach
  void openStore(TestStores stores) {
    store = stores.open(kind(), directory, clock, null);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void everyWriteThatMovesASupportMovesItsPostsTotalsOnce() {
    Product product = product("t1", "hiking", clock.instant());
    assertTotals(product, 0, 0);

    support("t1", 500, false);
    assertTotals(product, 1, 500);

    Donation pending = insert(DonationStatus.PENDING, DonationType.SUPPORT, "t1", 300);
    assertTotals(product, 1, 500);
    // A Stripe event may record the paid amount before the payment succeeds, and again after.
    store.donations().recordPaidAmount(pending.id(), Money.ofCents(350), "bronze");
    assertTotals(product, 1, 500);
    assertThat(store.donations().transition(pending.id(), DonationStatus.PENDING, DonationStatus.SUCCEEDED)).isTrue();
    assertTotals(product, 2, 850);
    assertThat(store.donations().transition(pending.id(), DonationStatus.PENDING, DonationStatus.SUCCEEDED))
        .as("replayed").isFalse();
    assertTotals(product, 2, 850);
    store.donations().recordPaidAmount(pending.id(), Money.ofCents(400), "bronze");
    assertTotals(product, 2, 900);

    assertThat(store.donations().transition(pending.id(), DonationStatus.SUCCEEDED, DonationStatus.REFUND_PENDING))
        .isTrue();
    assertTotals(product, 1, 500);
    assertThat(store.donations().transition(pending.id(), DonationStatus.SUCCEEDED, DonationStatus.REFUNDED))
        .as("no longer succeeded").isFalse();
    assertThat(store.donations().transition(pending.id(), DonationStatus.REFUND_PENDING, DonationStatus.REFUNDED))
        .isTrue();
    assertTotals(product, 1, 500);

    // Commissions, failures and other posts' supports do not count here.
    Donation commission = insert(DonationStatus.PENDING, DonationType.COMMISSION, null, 2500);
    store.donations().transition(commission.id(), DonationStatus.PENDING, DonationStatus.SUCCEEDED);
    store.donations().assignPost(commission.id(), "hiking", "t1");
    Donation failed = insert(DonationStatus.PENDING, DonationType.SUPPORT, "t1", 900);
    store.donations().transition(failed.id(), DonationStatus.PENDING, DonationStatus.FAILED);
    support("other", 100, false);
    assertTotals(product, 1, 500);
    assertMatchesTheDonations(product);
  }

  @Test
  void concurrentTransitionsOfTheSameSupportsCountEachOnce() throws Exception {
    Product product = product("c1", "space", clock.instant());
    List<Donation> pending = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      pending.add(insert(DonationStatus.PENDING, DonationType.SUPPORT, "c1", 100 + i));
    }
    // Eight threads race to succeed every donation (as replayed webhooks on several nodes would),
    // then to refund every tenth.
    AtomicInteger won = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(threads.submit(() -> {
          for (Donation d : pending) {
            if (store.donations().transition(d.id(), DonationStatus.PENDING, DonationStatus.SUCCEEDED)) {
              won.incrementAndGet();
            }
          }
          for (int i = 0; i < pending.size(); i += 10) {
            store.donations().transition(pending.get(i).id(), DonationStatus.SUCCEEDED, DonationStatus.REFUNDED);
          }
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(won).hasValue(40);
    long cents = 0;
    for (int i = 0; i < 40; i++) {
      cents += i % 10 == 0 ? 0 : 100 + i;
    }
    assertTotals(product, 36, cents);
    assertMatchesTheDonations(product);
  }

  @Test
  void bulkDonationsListTheNewestSupportsAndCountThemAll() {
    Product product = product("n1", "books", clock.instant());
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      clock.advance(Duration.ofSeconds(1));
      ids.add(support("n1", 100 * (i + 1), false).id());
    }
    ProductDonations three = store.donations().forProducts(List.of(product.id()), 3).get(product.id());
    assertThat(three.supports()).extracting(DonationSummary::id)
        .containsExactly(ids.get(6), ids.get(5), ids.get(4));
    assertThat(three.supportCount()).isEqualTo(7);
    assertThat(three.supportTotal()).isEqualTo(Money.ofCents(2800));
    ProductDonations none = store.donations().forProducts(List.of(product.id()), 0).get(product.id());
    assertThat(none.supports()).isEmpty();
    assertThat(none.supportCount()).isEqualTo(7);
    assertThat(store.donations().forProducts(List.of(product.id())).get(product.id()).supports()).hasSize(7);
  }

  @Test
  void bulkDonationsKeepEveryCharacterOfWhatSupportersWrote() {
    Product product = product("w1", "books", clock.instant());
    List<String> texts = List.of("", "a,b;c", "-1,2;", "café 日本 😀",
        // PostgreSQL refuses NUL in text; SQLite keeps it, and the packed read must too.
        kind() == TestStores.Kind.SQLITE ? "nul\u0000in the middle" : "no nul", "line\nbreak \u2028",
        "'quoted' \"double\" \\ back");
    List<NewDonation> written = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      clock.advance(Duration.ofSeconds(1));
      String text = texts.get(i);
      NewDonation donation = new NewDonation("pi_" + UUID.randomUUID(), DonationSource.GATEWAY,
          DonationStatus.SUCCEEDED, Money.ofCents(100 + i), i % 2 == 0 ? null : "tier " + text, DonationType.SUPPORT,
          i == 3 ? ai.clouvel.core.donation.CommissionType.SPECIFIC_POST : null, i % 3 == 0 ? null : "books", "w1",
          new Donor("donor@example.com", i == 1 ? null : "Name " + text, i % 2 == 0 ? null : "user" + text, i == 5),
          text, GATEWAY, null);
      store.donations().insert(donation);
      written.add(donation);
    }
    List<DonationSummary> listed = store.donations().forProducts(List.of(product.id()), 100).get(product.id())
        .supports();
    assertThat(listed).hasSize(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      NewDonation expected = written.get(texts.size() - 1 - i);
      DonationSummary actual = listed.get(i);
      assertThat(actual.message()).isEqualTo(expected.message());
      assertThat(actual.tier()).isEqualTo(expected.tier());
      assertThat(actual.subreddit()).isEqualTo(expected.subreddit());
      assertThat(actual.commissionType()).isEqualTo(expected.commissionType());
      assertThat(actual.donorName()).isEqualTo(expected.donor().publicName());
      assertThat(actual.redditUsername()).isEqualTo(expected.donor().publicRedditUsername());
      assertThat(actual.amount()).isEqualTo(expected.amount());
      assertThat(actual.postId()).isEqualTo("w1");
    }
  }

  private static final GatewayId GATEWAY = GatewayId.of("acme-pay");

  /** A published product of a post (saved first), written through the store's ports. */
  private Product product(String postId, String subreddit, Instant createdAt) {
    store.posts().save(new Post(postId, subreddit, "A title about " + postId, "Some text", "author_" + postId, null,
        42, 7, clock.instant().minusSeconds(3600), false, false, false, false));
    long id = store.products().nextId();
    Product product = new Product(id, postId, subreddit, "A title about " + postId,
        new ProductIdea("Theme " + id, "Title " + id, "Description " + id),
        new HostedImage("img" + id, "http://localhost/images/img" + id + ".png"),
        new ProductLinks("http://shop/" + id, "http://shop/" + id + "?rf=1", "256344169523425346"),
        "v1", "gpt-4o-mini", "dall-e-3", ImageQuality.STANDARD, createdAt);
    store.products().save(product);
    return product;
  }

  private Donation support(String postId, long cents, boolean anonymous) {
    return store.donations().insert(new NewDonation("pi_" + UUID.randomUUID(), DonationSource.GATEWAY,
        DonationStatus.SUCCEEDED, Money.ofCents(cents), "bronze", DonationType.SUPPORT, null, null, postId,
        new Donor("donor@example.com", "Dana Donor", "dana", anonymous), "Thanks!", GATEWAY, null));
  }

  private Donation insert(DonationStatus status, DonationType type, String postId, long cents) {
    return store.donations().insert(new NewDonation("pi_" + UUID.randomUUID(), DonationSource.GATEWAY, status,
        Money.ofCents(cents), "bronze", type,
        type == DonationType.COMMISSION ? ai.clouvel.core.donation.CommissionType.RANDOM_SUBREDDIT : null,
        type == DonationType.COMMISSION ? "hiking" : null, postId,
        new Donor("donor@example.com", "Dana Donor", "dana", false), "", GATEWAY, null));
  }

  /** The gallery and bulk donations both show the totals. */
  private void assertTotals(Product product, long count, long cents) {
    GalleryItem item = store.gallery().page(PageRequest.first(100), null).items().stream()
        .filter(i -> i.product().id() == product.id()).findFirst().orElseThrow();
    assertThat(item.supportCount()).as("gallery count").isEqualTo(count);
    assertThat(item.supportTotal()).as("gallery total").isEqualTo(Money.ofCents(cents));
    ProductDonations bulk = store.donations().forProducts(List.of(product.id()), 0).get(product.id());
    assertThat(bulk.supportCount()).as("bulk count").isEqualTo(count);
    assertThat(bulk.supportTotal()).as("bulk total").isEqualTo(Money.ofCents(cents));
  }

  /** The kept totals equal the sum of the post's succeeded supports, listed in full. */
  private void assertMatchesTheDonations(Product product) {
    Map<Long, ProductDonations> all = store.donations().forProducts(List.of(product.id()));
    ProductDonations listed = all.get(product.id());
    long sum = listed.supports().stream().mapToLong(s -> s.amount().cents()).sum();
    assertThat(listed.supportCount()).isEqualTo(listed.supports().size());
    assertThat(listed.supportTotal()).isEqualTo(Money.ofCents(sum));
  }
}
