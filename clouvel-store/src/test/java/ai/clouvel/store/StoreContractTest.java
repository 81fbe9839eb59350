package ai.clouvel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.agent.ScannedPost;
import ai.clouvel.core.schedule.SchedulerSettings;
import ai.clouvel.core.content.Post;
import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationSummary;
import ai.clouvel.core.donation.Goal;
import ai.clouvel.core.donation.ProductDonations;
import ai.clouvel.core.donation.SubredditTotal;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.payment.GatewayId;
import ai.clouvel.core.payment.PaymentRefs;
import ai.clouvel.core.product.GalleryItem;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.store.DuplicateKeyException;
import ai.clouvel.core.paging.Page;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.image.StoredImage;
import ai.clouvel.core.task.Task;
import ai.clouvel.core.testing.MutableClock;
import ai.clouvel.core.usage.Usage;
import ai.clouvel.store.testing.Fixtures;
import ai.clouvel.store.testing.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract: every test here runs against a SQLite file ({@link SqliteStoreTest}) and a
 * real PostgreSQL ({@link PostgresStoreTest}). The task queue has its own suite,
 * {@link TaskQueueContractTest}.
 */
@ExtendWith(TestStores.Extension.class)
abstract class StoreContractTest {
  protected final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
  protected final List<String> statements = new CopyOnWriteArrayList<>();
  protected SqlStore store;
  protected Fixtures fixtures;

  @TempDir
  Path directory;

  protected abstract TestStores.Kind kind();

  @BeforeEach
  void openStore(TestStores stores) {
    store = stores.open(kind(), directory, clock, statements::add);
    fixtures = new Fixtures(store, clock);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void productIdsAreReservedOnceAndProductsRoundTrip() {
    long first = store.products().nextId();
    long second = store.products().nextId();
    assertThat(second).isGreaterThan(first);
    Product product = fixtures.product("p1", "hiking", clock.instant());
    assertThat(product.id()).isGreaterThan(second);
    assertThat(store.products().find(product.id())).hasValue(product);
    assertThat(store.products().find(99_999)).isEmpty();
  }

  @Test
  void listsAreNewestFirstWithTiesBrokenByIdAndFilteredBySubredditIgnoringCase() {
    Instant t = clock.instant();
    Product a = fixtures.product("a1", "Hiking", t.minusSeconds(10));
    Product b = fixtures.product("b1", "hiking", t);
    Product c = fixtures.product("c1", "space", t);
    Product d = fixtures.product("d1", "hiking", t.minusSeconds(20));

    Page<Product> all = store.products().list(PageRequest.first(10), null);
    assertThat(all.items()).extracting(Product::id).containsExactly(c.id(), b.id(), a.id(), d.id());
    assertThat(all.total()).isEqualTo(4);

    Page<Product> hiking = store.products().list(new PageRequest(2, 1), "HIKING");
    assertThat(hiking.items()).extracting(Product::id).containsExactly(a.id(), d.id());
    assertThat(hiking.total()).isEqualTo(3);
    assertThat(hiking.offset()).isEqualTo(1);
  }

  @Test
  void postsAreUpsertedAndKnowWhetherTheyWereIllustrated() {
    Post post = fixtures.post("x1", "cats");
    Post updated = new Post("x1", "cats", post.title(), "new text", post.author(), post.permalink(), 999,
        50, post.createdAt(), false, false, true, false);
    store.posts().save(updated);
    assertThat(store.posts().find("x1")).hasValue(updated);
    assertThat(store.posts().isIllustrated("x1")).isFalse();
    fixtures.product("x1", "cats", clock.instant());
    assertThat(store.posts().isIllustrated("x1")).isTrue();
  }

  @Test
  void imagesKeepTheirBytes() {
    byte[] bytes = new byte[300_000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    StoredImage saved = store.images().save(bytes, "image/png");
    StoredImage found = store.images().find(saved.id()).orElseThrow();
    assertThat(found.bytes()).isEqualTo(bytes);
    assertThat(found.contentType()).isEqualTo("image/png");
    assertThat(store.images().find("missing")).isEmpty();
  }

  @Test
  void usageIsSummed() {
    store.usage().record("run1", "idea", new Usage("gpt-4o-mini", 100, 50, 0, 45));
    store.usage().record("run1", "image", new Usage("dall-e-3", 0, 0, 1, 40_000));
    assertThat(store.usage().totals().calls()).isEqualTo(2);
    assertThat(store.usage().totals().inputTokens()).isEqualTo(100);
    assertThat(store.usage().totals().images()).isEqualTo(1);
    assertThat(store.usage().totals().costMicros()).isEqualTo(40_045);
  }

  @Test
  void donationsAreFoundByAnyOfTheirGatewayReferencesAndPaymentIdsAreUnique() {
    Donation donation = fixtures.commission("cs_test_1", 2500, "hiking");
    store.donations().addRefs(donation.id(), PaymentRefs.of("session", "cs_test_1", "intent", "pi_123",
        "charge", "ch_456"));
    store.donations().addRefs(donation.id(), PaymentRefs.of("session", "cs_other", "refund", "re_789"));
    Donation found = store.donations().find(donation.id()).orElseThrow();
    assertThat(found.gateway()).isEqualTo(Fixtures.GATEWAY);
    assertThat(found.refs()).isEqualTo(PaymentRefs.of("session", "cs_test_1", "intent", "pi_123",
        "charge", "ch_456", "refund", "re_789"));
    assertThat(found.donor().email()).isEqualTo("buyer@example.com");
    assertThat(found.amount()).isEqualTo(Money.ofCents(2500));
    assertThat(found.commissionType()).isEqualTo(CommissionType.RANDOM_SUBREDDIT);
    for (String ref : List.of("cs_test_1", "pi_123", "ch_456", "re_789")) {
      assertThat(store.donations().findByRef(Fixtures.GATEWAY, ref)).map(Donation::id).hasValue(donation.id());
      assertThat(store.donations().findByRef(GatewayId.of("other"), ref)).isEmpty();
    }
    assertThat(store.donations().findByRef(Fixtures.GATEWAY, "cs_other")).isEmpty();
    assertThat(store.donations().findByPaymentId("cs_test_1")).map(Donation::id).hasValue(donation.id());
    assertThatThrownBy(() -> fixtures.commission("cs_test_1", 2500, "hiking"))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void statusChangesAreCompareAndSet() {
    Donation donation = fixtures.commission("cs_cas", 1000, "cats");
    assertThat(store.donations().transition(donation.id(), DonationStatus.SUCCEEDED, DonationStatus.REFUND_PENDING))
        .isTrue();
    assertThat(store.donations().transition(donation.id(), DonationStatus.SUCCEEDED, DonationStatus.REFUND_PENDING))
        .isFalse();
    assertThat(store.donations().find(donation.id()).orElseThrow().status()).isEqualTo(DonationStatus.REFUND_PENDING);
  }

  @Test
  void paymentEventsAreRecordedOnce() {
    assertThat(store.donations().recordEvent("evt_1", "checkout.session.completed", "cs_1")).isTrue();
    assertThat(store.donations().recordEvent("evt_1", "checkout.session.completed", "cs_1")).isFalse();
    assertThat(store.donations().recordEvent("evt_2", "charge.refunded", null)).isTrue();
  }

  @Test
  void failedRefundsComeBackWhenTheirRetryTimeComes() {
    Donation donation = fixtures.commission("cs_refund", 1000, "cats");
    store.donations().transition(donation.id(), DonationStatus.SUCCEEDED, DonationStatus.REFUND_PENDING);
    assertThat(store.donations().refundsDue(clock.instant(), 10)).extracting(Donation::id).containsExactly(donation.id());
    store.donations().refundAttemptFailed(donation.id(), "stripe down", clock.instant().plusSeconds(60));
    assertThat(store.donations().refundsDue(clock.instant(), 10)).isEmpty();
    assertThat(store.donations().refundsDue(clock.instant().plusSeconds(60), 10)).hasSize(1);
  }

  @Test
  void aTransactionCommitsAllOrNothing() {
    assertThatThrownBy(() -> store.inTransaction(tx -> {
      Donation d = new Fixtures(tx, clock).commission("cs_rolled_back", 500, "cats");
      tx.tasks().enqueue(new Fixtures(tx, clock).task(d.id()));
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(store.donations().findByPaymentId("cs_rolled_back")).isEmpty();
    assertThat(store.tasks().depth()).isZero();

    Task task = store.inTransaction(tx -> {
      Donation d = new Fixtures(tx, clock).commission("cs_committed", 500, "cats");
      return tx.tasks().enqueue(new Fixtures(tx, clock).task(d.id()));
    });
    assertThat(store.donations().findByPaymentId("cs_committed")).isPresent();
    assertThat(store.tasks().find(task.id())).isPresent();
  }

  @Test
  void totalsAndTheLeaderboardCountOnlySucceededDonations() {
    fixtures.commission("cs_a", 2500, "hiking");
    fixtures.commission("cs_b", 1000, "hiking");
    Donation refunded = fixtures.commission("cs_c", 5000, "space");
    store.donations().transition(refunded.id(), DonationStatus.SUCCEEDED, DonationStatus.REFUNDED);
    fixtures.post("s1", "space");
    fixtures.support("s1", 700, false);

    assertThat(store.donations().totals().donations()).isEqualTo(3);
    assertThat(store.donations().totals().total()).isEqualTo(Money.ofCents(4200));
    assertThat(store.donations().totals().refundedTotal()).isEqualTo(Money.ofCents(5000));
    List<SubredditTotal> board = store.donations().bySubreddit(10);
    assertThat(board).extracting(SubredditTotal::subreddit).containsExactly("hiking", "random");
    assertThat(board.get(0).total()).isEqualTo(Money.ofCents(3500));
    assertThat(board.get(0).commissions()).isEqualTo(2);
    assertThat(board.get(1).supports()).isEqualTo(1);
  }

  @Test
  void theGalleryShowsPostCommissionAndSupportOfEachProduct() {
    Product commissioned = fixtures.product("g1", "hiking", clock.instant());
    Product plain = fixtures.product("g2", "hiking", clock.instant().minusSeconds(5));
    Donation commission = fixtures.commission("cs_gallery", 2500, "hiking");
    Task task = store.tasks().enqueue(fixtures.task(commission.id()));
    store.tasks().claim("w1", Duration.ofMinutes(1));
    store.tasks().complete(task.id(), "w1", commissioned.id());
    fixtures.support("g1", 500, true);
    fixtures.support("g1", 250, false);
    Donation refundedSupport = fixtures.support("g1", 9999, false);
    store.donations().transition(refundedSupport.id(), DonationStatus.SUCCEEDED, DonationStatus.REFUNDED);

    Page<GalleryItem> page = store.gallery().page(PageRequest.first(10), null);
    assertThat(page.items()).extracting(i -> i.product().id()).containsExactly(commissioned.id(), plain.id());
    GalleryItem first = page.items().get(0);
    assertThat(first.post().id()).isEqualTo("g1");
    assertThat(first.commission().id()).isEqualTo(commission.id());
    assertThat(first.commission().donorName()).isEqualTo("Bea Buyer");
    assertThat(first.supportCount()).isEqualTo(2);
    assertThat(first.supportTotal()).isEqualTo(Money.ofCents(750));
    GalleryItem second = page.items().get(1);
    assertThat(second.commission()).isNull();
    assertThat(second.supportCount()).isZero();

    Map<Long, ProductDonations> bulk = store.donations().forProducts(List.of(commissioned.id(), plain.id(), 4242L));
    assertThat(bulk).containsOnlyKeys(commissioned.id(), plain.id());
    ProductDonations donations = bulk.get(commissioned.id());
    assertThat(donations.commission().id()).isEqualTo(commission.id());
    assertThat(donations.supports()).extracting(DonationSummary::donorName).containsExactly("Dana Donor", "Anonymous");
    assertThat(donations.supportTotal()).isEqualTo(Money.ofCents(750));
    assertThat(bulk.get(plain.id())).isEqualTo(ProductDonations.none(plain.id(), "g2"));
  }

  @Test
  void bulkReadsUseAFixedNumberOfStatementsWhateverTheirSize() {
    List<Long> tenIds = seedProductsWithDonations(0, 10);
    int galleryWithTen = countStatements(() -> store.gallery().page(new PageRequest(200, 0), null));
    int bulkOfTen = countStatements(() -> store.donations().forProducts(tenIds));
    int leaderboardOfTen = countStatements(() -> store.donations().bySubreddit(50));

    List<Long> thousandIds = new ArrayList<>(tenIds);
    thousandIds.addAll(seedProductsWithDonations(10, 990));
    assertThat(thousandIds).hasSize(1000);
    int galleryWithThousand = countStatements(() -> store.gallery().page(new PageRequest(200, 0), null));
    int bulkOfThousand = countStatements(() -> store.donations().forProducts(thousandIds));
    int leaderboardOfThousand = countStatements(() -> store.donations().bySubreddit(50));

    assertThat(store.gallery().page(new PageRequest(200, 0), null).items()).hasSize(200);
    assertThat(store.donations().forProducts(thousandIds)).hasSize(1000);
    assertThat(galleryWithThousand).isEqualTo(galleryWithTen).isEqualTo(2);
    assertThat(bulkOfThousand).isEqualTo(bulkOfTen).isEqualTo(1);
    assertThat(leaderboardOfThousand).isEqualTo(leaderboardOfTen).isEqualTo(1);
  }

  private List<Long> seedProductsWithDonations(int from, int count) {
    return store.inTransaction(tx -> {
      Fixtures f = new Fixtures(tx, clock);
      List<Long> ids = new ArrayList<>();
      for (int i = from; i < from + count; i++) {
        String postId = "bulk" + i;
        Product product = f.product(postId, "sub" + (i % 25), clock.instant().minusSeconds(i));
        f.support(postId, 100 + i, i % 3 == 0);
        ids.add(product.id());
      }
      return ids;
    });
  }

  private int countStatements(Runnable work) {
    statements.clear();
    work.run();
    return statements.size();
  }

  @Test
  void schedulerSettingsPersistAndRunsAreClaimedOnce() {
    assertThat(store.scheduler().load()).isEqualTo(SchedulerSettings.DEFAULTS);
    SchedulerSettings on = new SchedulerSettings(true, Duration.ofMinutes(30), CommissionType.RANDOM_SUBREDDIT,
        "hiking", null);
    store.scheduler().save(on);
    assertThat(store.scheduler().load()).isEqualTo(on);
    Instant now = clock.instant();
    assertThat(store.scheduler().claimRun(null, now)).isTrue();
    assertThat(store.scheduler().claimRun(null, now)).isFalse();
    assertThat(store.scheduler().load().lastRunAt()).isEqualTo(now);
    assertThat(store.scheduler().claimRun(now, now.plusSeconds(1800))).isTrue();
  }

  @Test
  void goalsReportWhatTheyRaised() {
    Goal goal = store.goals().create("New boots", "hiking", Money.ofDollars(100), clock.instant(), null);
    fixtures.commission("cs_goal_1", 2500, "hiking");
    fixtures.commission("cs_goal_2", 1000, "space");
    clock.advance(Duration.ofMinutes(1));
    List<Goal> active = store.goals().active(clock.instant());
    assertThat(active).extracting(Goal::id).containsExactly(goal.id());
    assertThat(active.get(0).raised()).isEqualTo(Money.ofCents(2500));
    assertThat(active.get(0).target()).isEqualTo(Money.ofDollars(100));
  }

  @Test
  void agentsRememberScansAndActions() {
    store.agents().recordScan(new ScannedPost("c1", "hiking", "Great", 9.5, "candidate", clock.instant()));
    store.agents().recordScan(new ScannedPost("c2", "hiking", "Good", 5.0, "candidate", clock.instant()));
    store.agents().recordScan(new ScannedPost("c3", "hiking", "Bad", 8.0, "nsfw", clock.instant()));
    fixtures.product("c1", "hiking", clock.instant());
    assertThat(store.agents().candidates(10)).extracting(ScannedPost::postId).containsExactly("c2");
    store.agents().recordAction("publisher", "comment", "c2", "Nice post!", true, "dry_run");
    assertThat(store.agents().actions(PageRequest.first(5)).items()).hasSize(1)
        .first().satisfies(a -> assertThat(a.dryRun()).isTrue());
  }

  @Test
  void reportsHealthAndDescribesItselfWithoutSecrets() {
    assertThat(store.isHealthy()).isTrue();
    assertThat(store.describe()).doesNotContain("password").startsWith(
        kind() == TestStores.Kind.SQLITE ? "sqlite:" : "postgresql://");
  }
}
