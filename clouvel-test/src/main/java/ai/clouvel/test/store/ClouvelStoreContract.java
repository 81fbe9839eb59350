package ai.clouvel.test.store;

import static ai.clouvel.test.assertions.ClouvelAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.agent.ActionType;
import ai.clouvel.core.agent.AgentAction;
import ai.clouvel.core.agent.AgentKind;
import ai.clouvel.core.agent.AgentRepository;
import ai.clouvel.core.agent.AgentSettings;
import ai.clouvel.core.agent.NewAgentAction;
import ai.clouvel.core.agent.Persona;
import ai.clouvel.core.agent.ScannedPost;
import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationSummary;
import ai.clouvel.core.donation.Donor;
import ai.clouvel.core.donation.DonorTotal;
import ai.clouvel.core.donation.Goal;
import ai.clouvel.core.donation.ProductDonations;
import ai.clouvel.core.donation.RecentDonation;
import ai.clouvel.core.donation.SubredditTotal;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.paging.Page;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.payment.GatewayId;
import ai.clouvel.core.payment.PaymentRefs;
import ai.clouvel.core.product.GalleryItem;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.schedule.SchedulerSettings;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.core.store.DuplicateKeyException;
import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.test.data.DonationBuilder;
import ai.clouvel.test.data.TaskBuilder;
import ai.clouvel.test.data.TestData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract of a full {@link ClouvelStore}: everything a {@link CatalogStoreContract catalog}
 * does, its {@link TaskQueueContract task queue}, and donations (gateway references, compare-and-set status changes, refunds due, totals),
 * webhook events recorded once, all-or-nothing transactions, the gallery, goals, agents' memory,
 * the scheduler's settings, and health. Extend it and say how to open a fresh, empty store:
 *
 * <pre>{@code
 * class MyStoreTest extends ClouvelStoreContract {
 *   protected ClouvelStore openStore(Clock clock) {
 *     return MyStore.inMemory(clock);
 *   }
 * }
 * }</pre>
 */
public abstract class ClouvelStoreContract extends TaskQueueContract {

  /** Lets subclasses be created by JUnit. */
  protected ClouvelStoreContract() {
  }

  @Override
  protected abstract ClouvelStore openStore(Clock clock);

  @Override
  protected ClouvelStore store() {
    return (ClouvelStore) super.store();
  }

  @Test
  void donationsAreFoundByAnyOfTheirGatewayReferencesAndPaymentIdsAreUnique() {
    Donation donation = data().commission("cs_test_1", 2500, "hiking");
    store().donations().addRefs(donation.id(), PaymentRefs.of("session", "cs_test_1", "intent", "pi_123",
        "charge", "ch_456"));
    store().donations().addRefs(donation.id(), PaymentRefs.of("session", "cs_other", "refund", "re_789"));
    Donation found = store().donations().find(donation.id()).orElseThrow();
    assertThat(found).wasPaidThrough(DonationBuilder.GATEWAY).hasAmountCents(2500).isCommission()
        .hasRef("session", "cs_test_1").hasRef("refund", "re_789");
    assertThat(found.refs()).isEqualTo(PaymentRefs.of("session", "cs_test_1", "intent", "pi_123",
        "charge", "ch_456", "refund", "re_789"));
    assertThat(found.donor().email()).isEqualTo("buyer@example.com");
    assertThat(found.commissionType()).isEqualTo(CommissionType.RANDOM_SUBREDDIT);
    for (String ref : List.of("cs_test_1", "pi_123", "ch_456", "re_789")) {
      assertThat(store().donations().findByRef(DonationBuilder.GATEWAY, ref)).map(Donation::id)
          .hasValue(donation.id());
      assertThat(store().donations().findByRef(GatewayId.of("other"), ref)).isEmpty();
    }
    assertThat(store().donations().findByRef(DonationBuilder.GATEWAY, "cs_other")).isEmpty();
    assertThat(store().donations().findByPaymentId("cs_test_1")).map(Donation::id).hasValue(donation.id());
    assertThatThrownBy(() -> data().commission("cs_test_1", 2500, "hiking"))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void statusChangesAreCompareAndSet() {
    Donation donation = data().commission("cs_cas", 1000, "cats");
    assertThat(store().donations().transition(donation.id(), DonationStatus.SUCCEEDED,
        DonationStatus.REFUND_PENDING)).isTrue();
    assertThat(store().donations().transition(donation.id(), DonationStatus.SUCCEEDED,
        DonationStatus.REFUND_PENDING)).isFalse();
    assertThat(store().donations().find(donation.id()).orElseThrow()).hasStatus(DonationStatus.REFUND_PENDING);
  }

  @Test
  void manyDonationsAreFoundAtOnceWithTheirCurrentStatus() {
    Donation paid = data().commission("cs_many_1", 2500, "hiking");
    Donation refunded = data().commission("cs_many_2", 1000, "cats");
    data().commission("cs_many_3", 700, "space");
    store().donations().transition(refunded.id(), DonationStatus.SUCCEEDED, DonationStatus.REFUNDED);

    Map<Long, Donation> found = store().donations().findAll(List.of(refunded.id(), paid.id(), 987_654L,
        paid.id()));
    assertThat(found).containsOnlyKeys(paid.id(), refunded.id());
    assertThat(found.get(paid.id())).hasStatus(DonationStatus.SUCCEEDED).hasAmountCents(2500);
    assertThat(found.get(refunded.id())).hasStatus(DonationStatus.REFUNDED).hasAmountCents(1000);
    assertThat(store().donations().findAll(List.of())).isEmpty();
  }

  @Test
  void paymentEventsAreRecordedOnce() {
    assertThat(store().donations().recordEvent("evt_1", "checkout.session.completed", "cs_1")).isTrue();
    assertThat(store().donations().recordEvent("evt_1", "checkout.session.completed", "cs_1")).isFalse();
    assertThat(store().donations().recordEvent("evt_2", "charge.refunded", null)).isTrue();
  }

  @Test
  void failedRefundsComeBackWhenTheirRetryTimeComes() {
    Donation donation = data().commission("cs_refund", 1000, "cats");
    store().donations().transition(donation.id(), DonationStatus.SUCCEEDED, DonationStatus.REFUND_PENDING);
    assertThat(store().donations().refundsDue(clock.instant(), 10)).extracting(Donation::id)
        .containsExactly(donation.id());
    store().donations().refundAttemptFailed(donation.id(), "stripe down", clock.instant().plusSeconds(60));
    assertThat(store().donations().refundsDue(clock.instant(), 10)).isEmpty();
    assertThat(store().donations().refundsDue(clock.instant().plusSeconds(60), 10)).hasSize(1);
  }

  @Test
  void aTransactionCommitsAllOrNothing() {
    assertThatThrownBy(() -> store().inTransaction(tx -> {
      new TestData(tx, clock).task(new TestData(tx, clock).commission("cs_rolled_back", 500, "cats").id());
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(store().donations().findByPaymentId("cs_rolled_back")).isEmpty();
    assertThat(store().tasks().depth()).isZero();

    Task task = store().inTransaction(tx -> {
      TestData inside = new TestData(tx, clock);
      return inside.task(inside.commission("cs_committed", 500, "cats").id());
    });
    assertThat(store().donations().findByPaymentId("cs_committed")).isPresent();
    assertThat(store().tasks().find(task.id()).orElseThrow()).hasStatus(TaskStatus.PENDING).hasAttempts(0);
  }

  @Test
  void totalsAndTheLeaderboardCountOnlySucceededDonations() {
    data().commission("cs_a", 2500, "hiking");
    data().commission("cs_b", 1000, "hiking");
    Donation refunded = data().commission("cs_c", 5000, "space");
    store().donations().transition(refunded.id(), DonationStatus.SUCCEEDED, DonationStatus.REFUNDED);
    data().post("s1", "space");
    data().support("s1", 700, false);

    assertThat(store().donations().totals().donations()).isEqualTo(3);
    assertThat(store().donations().totals().total()).isEqualTo(Money.ofCents(4200));
    assertThat(store().donations().totals().refundedTotal()).isEqualTo(Money.ofCents(5000));
    List<SubredditTotal> board = store().donations().bySubreddit(10);
    assertThat(board).extracting(SubredditTotal::subreddit).containsExactly("hiking", "random");
    assertThat(board.get(0).total()).isEqualTo(Money.ofCents(3500));
    assertThat(board.get(0).commissions()).isEqualTo(2);
    assertThat(board.get(1).supports()).isEqualTo(1);
  }

  @Test
  void theGalleryShowsPostCommissionAndSupportOfEachProduct() {
    Product commissioned = data().product("g1", "hiking", clock.instant());
    Product plain = data().product("g2", "hiking", clock.instant().minusSeconds(5));
    Donation commission = data().commission("cs_gallery", 2500, "hiking");
    Task task = store().tasks().enqueue(TaskBuilder.task(clock.instant()).donation(commission.id()).build());
    store().tasks().claim("w1", Duration.ofMinutes(1));
    store().tasks().complete(task.id(), "w1", commissioned.id());
    assertThat(store().tasks().find(task.id()).orElseThrow()).hasStatus(TaskStatus.COMPLETED)
        .producedProduct(commissioned.id()).isForDonation(commission.id()).isFinished();
    data().support("g1", 500, true);
    data().support("g1", 250, false);
    Donation refundedSupport = data().support("g1", 9999, false);
    store().donations().transition(refundedSupport.id(), DonationStatus.SUCCEEDED, DonationStatus.REFUNDED);

    Page<GalleryItem> page = store().gallery().page(PageRequest.first(10), null);
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

    Map<Long, ProductDonations> bulk = store().donations().forProducts(List.of(commissioned.id(), plain.id(), 4242L));
    assertThat(bulk).containsOnlyKeys(commissioned.id(), plain.id());
    ProductDonations donations = bulk.get(commissioned.id());
    assertThat(donations.commission().id()).isEqualTo(commission.id());
    assertThat(donations.supports()).extracting(DonationSummary::donorName).containsExactly("Dana Donor", "Anonymous");
    assertThat(donations.supportTotal()).isEqualTo(Money.ofCents(750));
    assertThat(bulk.get(plain.id())).isEqualTo(ProductDonations.none(plain.id(), "g2"));
  }

  @Test
  void totalsCountEachPublishedProductOnceWhateverWayItWasPublished() {
    data().post("t1", "Hiking");
    store().products().save(TestData.newProduct(store().products().nextId(), "t1", "Hiking", clock.instant()));
    Product draft = TestData.newProduct(store().products().nextId(), "t1", "hiking", clock.instant());
    store().products().saveDraft("run-t", draft);
    store().products().saveDraft("run-t", TestData.newProduct(store().products().nextId(), "t1", "hiking",
        clock.instant()));
    Product discarded = TestData.newProduct(store().products().nextId(), "t1", "space", clock.instant());
    store().products().saveDraft("run-u", discarded);
    assertTotals(1, 1, 0);

    assertThatThrownBy(() -> store().inTransaction(tx -> {
      tx.products().publish(draft.id());
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(store().products().find(draft.id())).isEmpty();
    assertTotals(1, 1, 0);

    assertThat(store().inTransaction(tx -> tx.products().publish(draft.id())).booleanValue()).isTrue();
    assertThat(store().products().publish(draft.id())).isFalse();
    store().products().discardDraft("run-u");
    assertTotals(2, 2, 0);

    data().product("t2", "space", clock.instant());
    assertTotals(3, 2, 1);
    assertThat(store().gallery().page(new PageRequest(10, 50), null).total())
        .as("a page past the last product still knows how many there are").isEqualTo(3);
    assertThat(store().gallery().page(PageRequest.first(10), "cooking").total()).isZero();
    assertThat(store().gallery().page(PageRequest.first(10), "").total())
        .as("no product is in a subreddit without a name").isZero();
  }

  private void assertTotals(long all, long hiking, long space) {
    assertThat(store().products().list(PageRequest.first(1), null).total()).isEqualTo(all);
    assertThat(store().gallery().page(PageRequest.first(1), null).total()).isEqualTo(all);
    for (String name : List.of("hiking", "HIKING")) {
      assertThat(store().products().list(PageRequest.first(1), name).total()).as(name).isEqualTo(hiking);
      assertThat(store().gallery().page(PageRequest.first(1), name).total()).as(name).isEqualTo(hiking);
    }
    assertThat(store().gallery().page(PageRequest.first(1), "space").total()).isEqualTo(space);
    assertThat(store().gallery().page(PageRequest.first(10), null).items()).hasSize((int) all);
  }

  @Test
  void schedulerSettingsPersistAndRunsAreClaimedOnce() {
    assertThat(store().scheduler().load()).isEqualTo(SchedulerSettings.DEFAULTS);
    SchedulerSettings on = new SchedulerSettings(true, Duration.ofMinutes(30), CommissionType.RANDOM_SUBREDDIT,
        "hiking", null);
    store().scheduler().save(on);
    assertThat(store().scheduler().load()).isEqualTo(on);
    Instant now = clock.instant();
    assertThat(store().scheduler().claimRun(null, now)).isTrue();
    assertThat(store().scheduler().claimRun(null, now)).isFalse();
    assertThat(store().scheduler().load().lastRunAt()).isEqualTo(now);
    assertThat(store().scheduler().claimRun(now, now.plusSeconds(1800))).isTrue();
  }

  @Test
  void goalsReportWhatTheyRaised() {
    Goal goal = store().goals().create("New boots", "hiking", Money.ofDollars(100), clock.instant(), null);
    data().commission("cs_goal_1", 2500, "hiking");
    data().commission("cs_goal_2", 1000, "space");
    clock.advance(Duration.ofMinutes(1));
    List<Goal> active = store().goals().active(clock.instant());
    assertThat(active).extracting(Goal::id).containsExactly(goal.id());
    assertThat(active.get(0).raised()).isEqualTo(Money.ofCents(2500));
    assertThat(active.get(0).target()).isEqualTo(Money.ofDollars(100));
  }

  @Test
  void fundraisingListsNamedDonorsAndRecentDonationsWithoutEmailsOrAnonymousNames() {
    Product product = data().product("f1", "hiking", clock.instant());
    give("Bea Buyer", "bea", false, 2500, "hiking");
    give("  ", "rita_r", false, 700, "space");
    give("Bea Buyer", null, false, 500, "space");
    give("Secret Sam", "sam", true, 9000, "hiking");
    give(null, null, false, 300, "hiking");
    clock.advance(Duration.ofSeconds(1));
    store().donations().insert(DonationBuilder.support("f1").amountCents(400).donor(
        new Donor("dana@example.com", "Dana Donor", "dana", false)).build());
    clock.advance(Duration.ofSeconds(1));
    Donation refunded = give("Rich Refund", "rich", false, 50_000, "hiking");
    store().donations().transition(refunded.id(), DonationStatus.SUCCEEDED, DonationStatus.REFUNDED);

    Page<DonorTotal> donors = store().donations().byDonor(PageRequest.first(10));
    assertThat(donors.total()).isEqualTo(3);
    assertThat(donors.items()).containsExactly(
        new DonorTotal("Bea Buyer", 2, Money.ofCents(3000)),
        new DonorTotal("rita_r", 1, Money.ofCents(700)),
        new DonorTotal("Dana Donor", 1, Money.ofCents(400)));
    assertThat(store().donations().byDonor(new PageRequest(1, 1)).items()).extracting(DonorTotal::donorName)
        .containsExactly("rita_r");

    Page<RecentDonation> recent = store().donations().recent(PageRequest.first(3));
    assertThat(recent.total()).as("succeeded donations; the refunded one left").isEqualTo(6);
    assertThat(recent.items()).extracting(RecentDonation::donorName)
        .containsExactly("Dana Donor", "Anonymous", "Anonymous");
    RecentDonation newest = recent.items().get(0);
    assertThat(newest.amount()).isEqualTo(Money.ofCents(400));
    assertThat(newest.postId()).isEqualTo("f1");
    assertThat(newest.productId()).isEqualTo(product.id());
    assertThat(recent.items().get(1).amount()).isEqualTo(Money.ofCents(300));
    assertThat(recent.items().get(2).amount()).isEqualTo(Money.ofCents(9000));
    assertThat(recent.items().get(2).productId()).isNull();
    assertThat(store().donations().recent(new PageRequest(10, 3)).items()).extracting(RecentDonation::donorName)
        .containsExactly("Bea Buyer", "rita_r", "Bea Buyer");
    String everything = donors.items().toString() + store().donations().recent(PageRequest.first(50)).items();
    assertThat(everything).as("no email, message or anonymous donor's name")
        .doesNotContain("@example.com", "Secret Sam", "sam", "Rich Refund", "Thanks!", "Make it beautiful");
  }

  private Donation give(String name, String reddit, boolean anonymous, long cents, String subreddit) {
    clock.advance(Duration.ofSeconds(1));
    return store().donations().insert(DonationBuilder.commission().amountCents(cents).subreddit(subreddit)
        .donor(new Donor("someone@example.com", name, reddit, anonymous)).build());
  }

  @Test
  void agentsRememberScansAndActions() {
    store().agents().recordScan(new ScannedPost("c1", "hiking", "Great", 9.5, "candidate", clock.instant()));
    store().agents().recordScan(new ScannedPost("c2", "hiking", "Good", 5.0, "candidate", clock.instant()));
    store().agents().recordScan(new ScannedPost("c3", "hiking", "Bad", 8.0, "nsfw", clock.instant()));
    data().product("c1", "hiking", clock.instant());
    assertThat(store().agents().candidates(10)).extracting(ScannedPost::postId).containsExactly("c2");
    store().agents().recordAction(new NewAgentAction("publisher", "comment", "c2", "hiking", "Nice post!", "asked",
        true, "dry_run", "", 0));
    assertThat(store().agents().actions(PageRequest.first(5), null).items()).hasSize(1)
        .first().satisfies(a -> assertThat(a.dryRun()).isTrue());
  }

  @Test
  void agentActionsKeepReasonCostAndRedditIdAndCountTowardsCapsPerModeAndDay() {
    AgentRepository agents = store().agents();
    AgentAction done = agents.recordAction(new NewAgentAction("promoter", "promote", "t3_a1", "Hiking", "Nice!",
        "score 8.0: vivid", false, "done", "t1_new1", 1_234));
    agents.recordAction(new NewAgentAction("promoter", "promote", "t3_a2", "hiking", "Nice!", "r", true, "dry_run",
        "", 0));
    agents.recordAction(new NewAgentAction("promoter", "promote", "t3_a3", "hiking", "Nice!", "r", false,
        "refused: THREAD_LOCKED", "", 0));
    agents.recordAction(new NewAgentAction("community", "reply", "t1_b1", "clouvel", "Hi", "r", false, "done",
        "t1_x", 0));

    assertThat(agents.actions(PageRequest.first(10), "promoter").items()).hasSize(3).last().isEqualTo(done);
    assertThat(done.redditId()).isEqualTo("t1_new1");
    assertThat(done.costMicros()).isEqualTo(1_234);
    assertThat(done.reason()).isEqualTo("score 8.0: vivid");
    Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
    assertThat(agents.countActions("promoter", ActionType.PROMOTE, false, today)).isEqualTo(1);
    assertThat(agents.countActions("promoter", ActionType.PROMOTE, true, today)).isEqualTo(1);
    assertThat(agents.countActions("promoter", ActionType.PROMOTE, false, clock.instant().plusSeconds(1))).isZero();
    assertThat(agents.lastAction("promoter", ActionType.PROMOTE, "HIKING", false)).hasValue(done.createdAt());
    assertThat(agents.lastAction("promoter", ActionType.PROMOTE, "cats", false)).isEmpty();
    assertThat(agents.refusals("promoter", "t3_a3")).isEqualTo(1);
    assertThat(agents.refusals("promoter", "t3_a1")).isZero();
  }

  @Test
  void agentsMarkItemsOncePerModeAndKeepSettings() {
    AgentRepository agents = store().agents();
    assertThat(agents.markHandled("promoter", "t3_a1", false)).isTrue();
    assertThat(agents.markHandled("promoter", "t3_a1", false)).isFalse();
    assertThat(agents.isHandled("promoter", "t3_a1", true)).isFalse();
    agents.unmarkHandled("promoter", "t3_a1", false);
    assertThat(agents.isHandled("promoter", "t3_a1", false)).isFalse();

    assertThat(agents.settings(AgentKind.COMMUNITY)).isEqualTo(AgentSettings.defaults(AgentKind.COMMUNITY));
    AgentSettings changed = new AgentSettings(true, false, Duration.ofMinutes(15),
        Map.of(ActionType.REPLY, 2, ActionType.ANNOUNCE, 0), new Persona("Pixel", "Be kind."), "r/myprints",
        List.of("hiking", "r/space"), Set.of("Politics"), Duration.ofHours(6), 6.5);
    agents.saveSettings(AgentKind.COMMUNITY, changed);
    assertThat(agents.settings(AgentKind.COMMUNITY)).isEqualTo(changed);
    assertThat(agents.settings(AgentKind.PROMOTER)).isEqualTo(AgentSettings.defaults(AgentKind.PROMOTER));
  }

  @Test
  void oneClaimPerAgentAndSlotAcrossConcurrentClaimers() throws Exception {
    AgentRepository agents = store().agents();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> claims = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String node = "node-" + i;
        claims.add(pool.submit(() -> agents.claimRun(AgentKind.PROMOTER, 42, node, clock.instant())));
      }
      int won = 0;
      for (Future<Boolean> claim : claims) {
        won += claim.get() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(agents.claimRun(AgentKind.COMMUNITY, 42, "node-x", clock.instant())).isTrue();
    assertThat(agents.claimRun(AgentKind.PROMOTER, 43, "node-x", clock.instant())).isTrue();
    assertThat(agents.lastRun(AgentKind.PROMOTER)).hasValue(clock.instant());
  }

  @Test
  void aProductIsPublishedToATargetOnce() {
    AgentRepository agents = store().agents();
    assertThat(agents.reservePublication(7, "post:r/clouvel", clock.instant())).isEmpty();
    assertThat(agents.reservePublication(7, "post:r/clouvel", clock.instant()))
        .hasValueSatisfying(p -> assertThat(p.isDone()).isFalse());
    agents.releasePublication(7, "post:r/clouvel");
    assertThat(agents.reservePublication(7, "post:r/clouvel", clock.instant())).isEmpty();
    agents.completePublication(7, "post:r/clouvel", "t3_made");
    agents.releasePublication(7, "post:r/clouvel");
    assertThat(agents.reservePublication(7, "post:r/clouvel", clock.instant()))
        .hasValueSatisfying(p -> assertThat(p.redditId()).isEqualTo("t3_made"));
    assertThat(agents.reservePublication(7, "comment:abc", clock.instant())).isEmpty();
  }

  @Test
  void reportsHealthAndDescribesItself() {
    assertThat(store().isHealthy()).isTrue();
    assertThat(store().describe()).isNotBlank();
  }
}
