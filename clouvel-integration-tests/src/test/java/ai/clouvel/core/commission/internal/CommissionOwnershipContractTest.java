package ai.clouvel.core.commission.internal;

import static ai.clouvel.core.commission.internal.CommissionFixture.randomSubreddit;
import static ai.clouvel.core.commission.internal.CommissionFixture.specificPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.commission.CommissionActionException;
import ai.clouvel.core.commission.CommissionRequest;
import ai.clouvel.core.commission.CommissionSettings;
import ai.clouvel.core.commission.Commissions;
import ai.clouvel.core.commission.FulfilmentOutcome;
import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.donation.DonationSource;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.Donor;
import ai.clouvel.core.donation.NewDonation;
import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.image.ImageGenerator;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.offline.PaintedImageGenerator;
import ai.clouvel.core.offline.TemplateIdeaGenerator;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.payment.PaymentEvent;
import ai.clouvel.core.payment.PaymentRefs;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.progress.Stage;
import ai.clouvel.core.provider.ContentRejectedException;
import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.store.testing.TestStores;
import ai.clouvel.test.fakes.FakePaymentGateway;
import ai.clouvel.test.time.RecordingSleeper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a commission owns, on each database: the money (cancel refunds exactly once, a refunded
 * commission is never made again), its post (no post is illustrated twice, however commissions race),
 * and its product (one per task, public only once the task completes, even across a crash).
 */
@ExtendWith(TestStores.Extension.class)
abstract class CommissionOwnershipContractTest {
  @TempDir
  Path directory;

  private CommissionFixture f;

  protected abstract TestStores.Kind kind();

  @AfterEach
  void stop() {
    if (f != null) {
      f.close();
    }
  }

  private Donation paid(CommissionRequest request) {
    Commissions.CheckoutStarted started = f.commissions.startCheckout(request, "https://s", "https://c");
    String session = started.session().sessionId();
    f.deliver(f.checkoutCompleted("evt_" + session, session, request.amount().cents(),
        f.stripeApi.lastCheckoutMetadata()));
    return f.store.donations().findByPaymentId(session).orElseThrow();
  }

  private Task taskOf(Donation donation) {
    return f.store.tasks().findByDonation(donation.id()).orElseThrow();
  }

  private DonationStatus statusOf(Donation donation) {
    return f.store.donations().find(donation.id()).orElseThrow().status();
  }

  private long publicProducts() {
    return f.store.products().list(PageRequest.first(100), null).total();
  }

  @Test
  void cancellingAPendingPaidCommissionRefundsItOnceAndTellsSubscribers(TestStores stores) throws Exception {
    f = new CommissionFixture(stores, kind(), directory, null, new RecordingSleeper());
    Donation donation = paid(specificPost("1h1k01", 2500));
    Task task = taskOf(donation);

    Task cancelled = f.commissions.cancel(task.id());

    assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(statusOf(donation)).isEqualTo(DonationStatus.REFUNDED);
    assertThat(f.stripeApi.refunds()).hasSize(1);
    assertThat(f.events(ClouvelEvent.TaskUpdated.class)).filteredOn(u -> u.taskId().equals(task.id()))
        .extracting(ClouvelEvent.TaskUpdated::status).containsExactly(TaskStatus.CANCELLED);
    assertThat(f.store.posts().isIllustrated("1h1k01")).as("a cancelled commission frees nothing it never took")
        .isFalse();
    assertThat(f.engine.worker().runOnce("w1")).as("a cancelled task is never worked on").isFalse();

    assertThatThrownBy(() -> f.commissions.cancel(task.id())).isInstanceOfSatisfying(
        CommissionActionException.class, e -> assertThat(e.code()).isEqualTo("not_cancellable"));
    assertThatThrownBy(() -> f.commissions.retry(task.id())).isInstanceOfSatisfying(
        CommissionActionException.class, e -> assertThat(e.code()).isEqualTo("refunded"));
    assertThatThrownBy(() -> f.commissions.cancel("no-such-task")).isInstanceOfSatisfying(
        CommissionActionException.class, e -> assertThat(e.isNotFound()).isTrue());
    f.clock.advance(Duration.ofHours(1));
    f.commissions.maintain();
    assertThat(f.stripeApi.refunds()).as("still one refund").hasSize(1);
    assertThat(f.store.tasks().find(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
  }

  @Test
  void aRunningCommissionCancelledMidwayStopsAtTheNextStageAndSavesNothing(TestStores stores) throws Exception {
    AtomicReference<String> taskId = new AtomicReference<>();
    PaintedImageGenerator painter = new PaintedImageGenerator();
    ImageGenerator cancelWhilePainting = request -> {
      f.commissions.cancel(taskId.get());
      return painter.generate(request);
    };
    f = new CommissionFixture(stores, kind(), directory, cancelWhilePainting, new RecordingSleeper());
    Donation donation = paid(specificPost("1h1k02", 2500));
    taskId.set(taskOf(donation).id());

    assertThat(f.engine.worker().runOnce("w1")).isTrue();

    Task task = f.store.tasks().find(taskId.get()).orElseThrow();
    assertThat(task.status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(f.store.products().findByRun(task.id())).as("no draft is left behind").isEmpty();
    assertThat(publicProducts()).isZero();
    assertThat(statusOf(donation)).isEqualTo(DonationStatus.REFUNDED);
    assertThat(f.stripeApi.refunds()).hasSize(1);
    List<ClouvelEvent.TaskUpdated> updates = f.events(ClouvelEvent.TaskUpdated.class).stream()
        .filter(u -> u.taskId().equals(task.id())).toList();
    assertThat(updates.get(updates.size() - 1).status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(updates).extracting(u -> u.progress().stage()).doesNotContain(Stage.IMAGE_GENERATED,
        Stage.PUBLISHING, Stage.COMMISSION_COMPLETE);
    assertThat(f.store.posts().isIllustrated("1h1k02")).as("the post is free again").isFalse();
  }

  @Test
  void aCommissionCancelledBeforeItsImageNeverPaysForTheImage(TestStores stores) throws Exception {
    AtomicReference<String> taskId = new AtomicReference<>();
    AtomicInteger painted = new AtomicInteger();
    PaintedImageGenerator painter = new PaintedImageGenerator();
    TemplateIdeaGenerator ideas = new TemplateIdeaGenerator();
    f = new CommissionFixture(stores, kind(), directory, request -> {
      painted.incrementAndGet();
      return painter.generate(request);
    }, new RecordingSleeper(), builder -> builder.ideaGenerator(request -> {
      f.commissions.cancel(taskId.get());
      return ideas.generate(request);
    }));
    Donation donation = paid(specificPost("1h1k02", 2500));
    taskId.set(taskOf(donation).id());

    assertThat(f.engine.worker().runOnce("w1")).isTrue();

    assertThat(painted.get()).as("the image call never started").isZero();
    assertThat(f.store.tasks().find(taskId.get()).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(f.events(ClouvelEvent.TaskUpdated.class).stream().filter(u -> u.taskId().equals(taskId.get())))
        .extracting(u -> u.progress().stage()).doesNotContain(Stage.IMAGE_GENERATION_STARTED);
    assertThat(statusOf(donation)).isEqualTo(DonationStatus.REFUNDED);
    assertThat(f.stripeApi.refunds()).hasSize(1);
    assertThat(f.store.usage().totals().calls()).as("the summary and idea it did make are accounted").isEqualTo(2);
  }

  @Test
  void aCommissionCancelledWhileItsProgressIsDueStopsAtThatReport(TestStores stores) throws Exception {
    AtomicReference<String> taskId = new AtomicReference<>();
    AtomicInteger painted = new AtomicInteger();
    PaintedImageGenerator painter = new PaintedImageGenerator();
    TemplateIdeaGenerator ideas = new TemplateIdeaGenerator();
    f = new CommissionFixture(stores, kind(), directory, request -> {
      painted.incrementAndGet();
      return painter.generate(request);
    }, new RecordingSleeper(), builder -> builder.ideaGenerator(request -> {
      // A slow idea: the report after it is written, and the write finds the task cancelled.
      f.clock.advance(CommissionWorker.PROGRESS_WRITE_INTERVAL);
      f.commissions.cancel(taskId.get());
      return ideas.generate(request);
    }));
    Donation donation = paid(specificPost("1h1k02", 2500));
    taskId.set(taskOf(donation).id());

    assertThat(f.engine.worker().runOnce("w1")).isTrue();

    assertThat(painted.get()).isZero();
    assertThat(f.store.tasks().find(taskId.get()).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(f.events(ClouvelEvent.TaskUpdated.class).stream().filter(u -> u.taskId().equals(taskId.get())))
        .extracting(u -> u.progress().stage()).contains(Stage.POST_FETCHED)
        .doesNotContain(Stage.PRODUCT_DESIGNED, Stage.IMAGE_GENERATION_STARTED);
    assertThat(f.stripeApi.refunds()).hasSize(1);
  }

  @Test
  void aFailedPaidCommissionCannotBeRetriedButAFreeOneCan(TestStores stores) throws Exception {
    AtomicBoolean reject = new AtomicBoolean(true);
    PaintedImageGenerator painter = new PaintedImageGenerator();
    f = new CommissionFixture(stores, kind(), directory, request -> {
      if (reject.get()) {
        throw new ContentRejectedException("openai", "rejected");
      }
      return painter.generate(request);
    }, new RecordingSleeper());
    Donation donation = paid(specificPost("1h1k01", 2500));
    Task manual = f.commissions.createManual(randomSubreddit("cats", 0));
    f.engine.worker().runOnce("w1");
    f.engine.worker().runOnce("w1");
    Task paidTask = taskOf(donation);
    assertThat(f.store.tasks().find(paidTask.id()).orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    assertThat(statusOf(donation)).isEqualTo(DonationStatus.REFUNDED);

    assertThatThrownBy(() -> f.commissions.retry(paidTask.id())).isInstanceOfSatisfying(
        CommissionActionException.class, e -> assertThat(e.code()).isEqualTo("refunded"));
    assertThat(f.store.tasks().find(paidTask.id()).orElseThrow().status()).isEqualTo(TaskStatus.FAILED);

    reject.set(false);
    assertThat(f.commissions.retry(manual.id()).status()).isEqualTo(TaskStatus.PENDING);
    assertThat(f.engine.worker().runOnce("w1")).isTrue();
    assertThat(f.store.tasks().find(manual.id()).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(f.engine.worker().runOnce("w1")).as("the refunded commission stays failed").isFalse();
    assertThat(f.stripeApi.refunds()).hasSize(1);
  }

  @Test
  void eightConcurrentCommissionsOnOneSubredditNeverIllustrateAPostTwice(TestStores stores) throws Exception {
    f = new CommissionFixture(stores, kind(), directory, null, duration -> Thread.sleep(2),
        builder -> builder.commissionSettings(CommissionFixture.SETTINGS.withWorkers(4)));
    List<Donation> donations = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      donations.add(paid(randomSubreddit("cats", 1000)));
    }
    f.engine.workers().start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (f.store.tasks().depth() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    f.engine.workers().stop(Duration.ofSeconds(10));

    List<Task> tasks = donations.stream().map(d -> f.store.tasks().find(taskOf(d).id()).orElseThrow()).toList();
    List<Product> products = f.store.products().list(PageRequest.first(100), null).items();
    assertThat(tasks).extracting(Task::status).containsOnly(TaskStatus.COMPLETED, TaskStatus.FAILED);
    assertThat(products).extracting(Product::postId).doesNotHaveDuplicates();
    assertThat(products).hasSize((int) tasks.stream().filter(t -> t.status() == TaskStatus.COMPLETED).count());
    assertThat(products).as("r/cats has enough eligible posts for several").hasSizeGreaterThan(1);
    for (int i = 0; i < tasks.size(); i++) {
      DonationStatus expected = tasks.get(i).status() == TaskStatus.COMPLETED
          ? DonationStatus.SUCCEEDED : DonationStatus.REFUNDED;
      assertThat(statusOf(donations.get(i))).isEqualTo(expected);
    }
    assertThat(f.stripeApi.refunds()).hasSize(8 - products.size());
  }

  @Test
  void twoCommissionsOfOnePostMakeOneProductAndRefundTheOther(TestStores stores) throws Exception {
    f = new CommissionFixture(stores, kind(), directory, null, new RecordingSleeper());
    Donation first = paid(specificPost("1h1k01", 2500));
    Donation second = paid(specificPost("1h1k01", 2500));

    f.engine.worker().runOnce("w1");
    f.engine.worker().runOnce("w2");

    Task one = f.store.tasks().find(taskOf(first).id()).orElseThrow();
    Task other = f.store.tasks().find(taskOf(second).id()).orElseThrow();
    assertThat(List.of(one.status(), other.status())).containsExactlyInAnyOrder(TaskStatus.COMPLETED,
        TaskStatus.FAILED);
    Task lost = one.status() == TaskStatus.FAILED ? one : other;
    Donation refunded = lost == one ? first : second;
    Donation kept = lost == one ? second : first;
    assertThat(lost.error()).contains("already illustrated");
    assertThat(lost.attempts()).as("a taken post is not retried").isEqualTo(1);
    assertThat(statusOf(refunded)).isEqualTo(DonationStatus.REFUNDED);
    assertThat(statusOf(kept)).isEqualTo(DonationStatus.SUCCEEDED);
    assertThat(publicProducts()).isEqualTo(1);
    assertThat(f.stripeApi.refunds()).hasSize(1);
  }

  @Test
  void aWorkerKilledBetweenSavingAndCompletingLeavesOneProductAndPaysForItOnce(TestStores stores)
      throws Exception {
    AtomicInteger paintings = new AtomicInteger();
    PaintedImageGenerator painter = new PaintedImageGenerator();
    f = new CommissionFixture(stores, kind(), directory, request -> {
      paintings.incrementAndGet();
      return painter.generate(request);
    }, new RecordingSleeper());
    AtomicBoolean crashed = new AtomicBoolean();
    f.clouvel.events().subscribe(event -> {
      if (event instanceof ClouvelEvent.TaskUpdated update && update.status() == TaskStatus.IN_PROGRESS
          && update.progress().stage() == Stage.COMMISSION_COMPLETE && crashed.compareAndSet(false, true)) {
        throw new WorkerDied();
      }
    });
    Donation donation = paid(specificPost("1w5d01", 2500));
    Task task = taskOf(donation);

    assertThatThrownBy(() -> f.engine.worker().runOnce("doomed")).isInstanceOf(WorkerDied.class);

    Product draft = f.store.products().findByRun(task.id()).orElseThrow();
    assertThat(publicProducts()).as("nothing is public before its task completes").isZero();
    assertThat(f.store.products().find(draft.id())).isEmpty();
    assertThat(f.store.tasks().find(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.IN_PROGRESS);

    f.clock.advance(CommissionSettings.DEFAULTS.lease().plusSeconds(1));
    assertThat(f.engine.worker().runOnce("rescuer")).isTrue();

    Task done = f.store.tasks().find(task.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(done.productId()).isEqualTo(draft.id());
    assertThat(f.store.products().list(PageRequest.first(10), null).items()).extracting(Product::id)
        .containsExactly(draft.id());
    assertThat(paintings.get()).as("the image was paid for once").isEqualTo(1);
    assertThat(f.store.tasks().find(task.id()).orElseThrow().attempts()).isEqualTo(2);
    assertThat(f.stripeApi.refunds()).isEmpty();
  }

  @Test
  void aCustomGatewayIsPaidAndRefundedExactlyOnceThroughItsOwnReferences(TestStores stores) throws Exception {
    FakePaymentGateway custom = new FakePaymentGateway();
    f = new CommissionFixture(stores, kind(), directory, request -> {
      throw new ContentRejectedException("painter", "rejected");
    }, new RecordingSleeper(), builder -> builder.paymentGateway(custom));
    Commissions.CheckoutStarted started = f.commissions.startCheckout(specificPost("1h1k01", 2500), "https://s",
        "https://c");
    String paymentId = started.session().sessionId();
    assertThat(started.donation().gateway()).isEqualTo(FakePaymentGateway.ID);

    PaymentEvent.Succeeded paid = custom.paid(1, Money.ofCents(2500), "usd");
    assertThat(f.commissions.handle(paid).result()).isEqualTo(FulfilmentOutcome.Result.FULFILLED);
    assertThat(f.commissions.handle(paid).result()).isEqualTo(FulfilmentOutcome.Result.REPLAYED);
    f.engine.worker().runOnce("w1");

    Donation donation = f.store.donations().findByPaymentId(paymentId).orElseThrow();
    assertThat(donation.status()).isEqualTo(DonationStatus.REFUNDED);
    assertThat(donation.source()).isEqualTo(DonationSource.GATEWAY);
    assertThat(donation.refs().get("txn")).hasValue("txn_1");
    assertThat(donation.refs().get("refund")).hasValue("tp_re_1");
    assertThat(custom.refundRequests()).singleElement().satisfies(refund -> {
      assertThat(refund.paymentId()).isEqualTo(paymentId);
      assertThat(refund.refs().get("txn")).hasValue("txn_1");
      assertThat(refund.amount()).isEqualTo(Money.ofCents(2500));
      assertThat(refund.idempotencyKey()).isEqualTo(Refunds.idempotencyKey(donation));
    });
    f.clock.advance(Duration.ofHours(2));
    f.commissions.maintain();
    assertThat(f.commissions.handle(new PaymentEvent.Refunded("tp_evt_refunded", "test.refunded",
        PaymentRefs.of("txn", "txn_1"), true)).result())
        .isEqualTo(FulfilmentOutcome.Result.ALREADY_FULFILLED);
    assertThat(custom.refundRequests()).hasSize(1);
    assertThat(f.stripeApi.requests()).as("Stripe never hears of it").isEmpty();
  }

  @Test
  void aDonationIsNeverRefundedThroughAnotherGateway(TestStores stores) throws Exception {
    f = new CommissionFixture(stores, kind(), directory, null, new RecordingSleeper());
    Donation paidElsewhere = f.store.donations().insert(new NewDonation("acme_1", DonationSource.GATEWAY,
        DonationStatus.SUCCEEDED, Money.ofCents(2500), "gold", DonationType.SUPPORT, null, null, "1h1k01",
        Donor.UNKNOWN, "", FakePaymentGateway.ID, PaymentRefs.NONE));

    assertThat(f.engine.refunds().refundFailedCommission(paidElsewhere.id(), "test")).isTrue();

    assertThat(f.stripeApi.refunds()).isEmpty();
    assertThat(statusOf(paidElsewhere)).as("it waits for its own gateway").isEqualTo(DonationStatus.REFUND_PENDING);
  }

  /** Stands for a worker process dying abruptly: nothing after it runs in that worker. */
  private static final class WorkerDied extends Error {
    private static final long serialVersionUID = 1L;
  }
}
