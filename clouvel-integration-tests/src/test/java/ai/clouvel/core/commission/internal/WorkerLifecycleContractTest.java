package ai.clouvel.core.commission.internal;

import static ai.clouvel.core.commission.internal.CommissionFixture.randomSubreddit;
import static ai.clouvel.core.commission.internal.CommissionFixture.specificPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.commission.CommissionActionException;
import ai.clouvel.core.commission.CommissionRejectedException;
import ai.clouvel.core.commission.CommissionRequest;
import ai.clouvel.core.commission.CommissionSettings;
import ai.clouvel.core.content.Post;
import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.donation.DonationSource;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.image.ImageGenerator;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.offline.PaintedImageGenerator;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.pipeline.PipelineRequest;
import ai.clouvel.core.pipeline.PostSelection;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.progress.Stage;
import ai.clouvel.core.provider.ProviderUnavailableException;
import ai.clouvel.core.schedule.SchedulerSettings;
import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.core.time.Sleeper;
import ai.clouvel.store.testing.TestStores;
import ai.clouvel.test.fakes.FakePaymentGateway;
import ai.clouvel.test.time.RecordingSleeper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commission task's life in a worker, on each database: attempts that wait longer each time, what
 * every outcome publishes, a worker killed mid-task, a task taken over, the post a random commission
 * ends up on, and a pool that works and maintains until it is stopped.
 */
@ExtendWith(TestStores.Extension.class)
abstract class WorkerLifecycleContractTest {
  private static final CommissionSettings SETTINGS = CommissionFixture.SETTINGS;

  @TempDir
  Path directory;

  private CommissionFixture f;
  private final FakePaymentGateway gateway = new FakePaymentGateway();

  protected abstract TestStores.Kind kind();

  private void start(TestStores stores, ImageGenerator images, Sleeper sleeper) throws Exception {
    f = new CommissionFixture(stores, kind(), directory, images, sleeper, builder -> builder.paymentGateway(gateway));
  }

  @AfterEach
  void stop() {
    if (f != null) {
      f.close();
    }
  }

  private Donation paid(CommissionRequest request) {
    return f.checkoutAndPay(gateway, request);
  }

  private Task task(Donation donation) {
    return f.store.tasks().findByDonation(donation.id()).orElseThrow();
  }

  private List<ClouvelEvent.TaskUpdated> updates(Task task) {
    return f.events(ClouvelEvent.TaskUpdated.class).stream().filter(u -> u.taskId().equals(task.id())).toList();
  }

  private static ImageGenerator failing(AtomicInteger calls) {
    return request -> {
      calls.incrementAndGet();
      throw new ProviderUnavailableException("painter", "timeout", null);
    };
  }

  @Test
  void eachFailedAttemptWaitsTwiceAsLongAndTheLastOneFailsAndRefunds(TestStores stores) throws Exception {
    start(stores, failing(new AtomicInteger()), new RecordingSleeper());
    Donation donation = paid(specificPost("1h1k01", 2500));
    Task task = task(donation);

    Instant first = f.clock.instant();
    assertThat(f.engine.worker().runOnce("w1")).isTrue();
    Task waiting = f.store.tasks().find(task.id()).orElseThrow();
    assertThat(waiting.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(waiting.nextRunAt()).isEqualTo(first.plus(SETTINGS.retryBackoff()));
    ClouvelEvent.TaskUpdated retrying = updates(task).get(updates(task).size() - 1);
    assertThat(retrying.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(retrying.progress().stage()).isEqualTo(Stage.QUEUED);
    assertThat(retrying.progress().message()).isEqualTo("Waiting to try again");
    assertThat(retrying.error()).contains("timeout");

    f.clock.advance(SETTINGS.retryBackoff());
    Instant second = f.clock.instant();
    assertThat(f.engine.worker().runOnce("w1")).isTrue();
    assertThat(f.store.tasks().find(task.id()).orElseThrow().nextRunAt())
        .as("the second wait is twice the first").isEqualTo(second.plus(SETTINGS.retryBackoff().multipliedBy(2)));
    f.clock.advance(SETTINGS.retryBackoff().multipliedBy(2).minusSeconds(1));
    assertThat(f.engine.worker().runOnce("w1")).as("not before its time").isFalse();
    f.clock.advance(Duration.ofSeconds(1));
    assertThat(f.engine.worker().runOnce("w1")).isTrue();

    Task failed = f.store.tasks().find(task.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    ClouvelEvent.TaskUpdated last = updates(task).get(updates(task).size() - 1);
    assertThat(last.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(last.progress().stage()).isEqualTo(Stage.FAILED);
    assertThat(last.progress().message()).contains("timeout");
    assertThat(last.error()).contains("timeout");
    assertThat(f.store.donations().find(donation.id()).orElseThrow().status()).isEqualTo(DonationStatus.REFUNDED);
    assertThat(gateway.refundRequests()).hasSize(1);
    assertThat(f.store.posts().isIllustrated("1h1k01")).as("its post is free again").isFalse();
    assertThat(f.engine.worker().runOnce("w1")).isFalse();
  }

  @Test
  void aTaskWhoseWorkerKeepsDyingFailsForGoodOnceNoAttemptsAreLeftAndIsRefundedOnce(TestStores stores)
      throws Exception {
    AtomicInteger calls = new AtomicInteger();
    start(stores, failing(calls), new RecordingSleeper());
    Donation donation = paid(specificPost("1h1k01", 2500));
    Task task = task(donation);
    BooleanSupplier dying = () -> true;

    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(f.engine.worker().runOnce("doomed-" + attempt, dying)).isTrue();
      Task held = f.store.tasks().find(task.id()).orElseThrow();
      assertThat(held.status()).as("left to its lease").isEqualTo(TaskStatus.IN_PROGRESS);
      assertThat(held.attempts()).isEqualTo(attempt);
      assertThat(updates(task)).extracting(ClouvelEvent.TaskUpdated::status).containsOnly(TaskStatus.IN_PROGRESS);
      assertThat(f.engine.worker().failAbandoned()).as("its lease still holds").isEmpty();
      f.clock.advance(SETTINGS.lease().plusSeconds(1));
    }
    assertThat(calls.get()).isEqualTo(3);
    assertThat(gateway.refundRequests()).isEmpty();
    assertThat(f.engine.worker().runOnce("w1")).as("no attempts are left").isFalse();

    f.commissions.maintain();

    Task failed = f.store.tasks().find(task.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(failed.error()).isEqualTo("The worker stopped and no attempts are left");
    ClouvelEvent.TaskUpdated last = updates(task).get(updates(task).size() - 1);
    assertThat(last.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(last.error()).isEqualTo(failed.error());
    assertThat(f.store.donations().find(donation.id()).orElseThrow().status()).isEqualTo(DonationStatus.REFUNDED);
    assertThat(gateway.refundRequests()).hasSize(1);
    assertThat(f.store.posts().isIllustrated("1h1k01")).isFalse();
    assertThat(f.engine.worker().failAbandoned()).isEmpty();
    f.clock.advance(Duration.ofHours(1));
    f.commissions.maintain();
    assertThat(gateway.refundRequests()).hasSize(1);
  }

  @Test
  void aRandomCommissionRecordsThePostItWasMadeFromAndAnnouncesItsProduct(TestStores stores) throws Exception {
    start(stores, null, new RecordingSleeper());
    Donation donation = paid(randomSubreddit("cats", 1000));
    Task task = task(donation);
    Task anywhere = f.commissions.createManual(new CommissionRequest(Money.ZERO,
        DonationType.COMMISSION, CommissionType.RANDOM_RANDOM, null, null, null, ""));

    assertThat(f.engine.worker().runOnce("w1")).isTrue();
    assertThat(f.engine.worker().runOnce("w1")).isTrue();

    Task done = f.store.tasks().find(task.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
    Product product = f.store.products().find(done.productId()).orElseThrow();
    assertThat(product.subreddit()).isEqualTo("cats");
    Donation after = f.store.donations().find(donation.id()).orElseThrow();
    assertThat(after.postId()).isEqualTo(product.postId());
    assertThat(after.subreddit()).isEqualTo("cats");
    assertThat(f.store.posts().isIllustrated(product.postId())).isTrue();
    ClouvelEvent.TaskUpdated completed = updates(task).get(updates(task).size() - 1);
    assertThat(completed.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(completed.productId()).isEqualTo(product.id());
    assertThat(completed.progress().message()).isEqualTo("\"" + product.idea().imageTitle() + "\" is ready");
    assertThat(f.events(ClouvelEvent.ProductCreated.class)).extracting(e -> e.product().id())
        .contains(product.id()).hasSize(2);

    Task other = f.store.tasks().find(anywhere.id()).orElseThrow();
    assertThat(other.status()).isEqualTo(TaskStatus.COMPLETED);
    Product elsewhere = f.store.products().find(other.productId()).orElseThrow();
    assertThat(f.store.donations().find(other.donationId()).orElseThrow().postId()).isEqualTo(elsewhere.postId());
  }

  @Test
  void aRandomCommissionIsOnlyEverOfferedAPostFitToIllustrate(TestStores stores) throws Exception {
    start(stores, null, new RecordingSleeper());
    Post first = f.commissions.validate(randomSubreddit("cats", 1000)).post();
    assertThat(first.subreddit()).isEqualTo("cats");
    f.clouvel.pipeline().run(PipelineRequest.of(PostSelection.post(first.id())), progress -> { });

    Post next = f.commissions.validate(randomSubreddit("cats", 1000)).post();
    assertThat(next.id()).as("the illustrated post is not offered again").isNotEqualTo(first.id());
    assertThat(f.store.posts().isIllustrated(next.id())).isFalse();
    assertThat(next.nsfw()).isFalse();

    assertRejected(() -> f.commissions.validate(randomSubreddit("not a name!", 1000)), "invalid_subreddit");
    assertRejected(() -> f.commissions.validate(randomSubreddit(null, 1000)), "missing_field");
    assertRejected(() -> f.commissions.validate(specificPost("not a post!!", 2500)), "invalid_post_id");
    assertRejected(() -> f.commissions.validate(new CommissionRequest(Money.ofDollars(3), DonationType.SUPPORT,
        null, null, null, null, "")), "missing_field");
    assertRejected(() -> f.commissions.validate(new CommissionRequest(Money.ofDollars(25), DonationType.COMMISSION,
        CommissionType.SPECIFIC_POST, null, "1h1k01", null, "x".repeat(501))), "message_too_long");
    assertRejected(() -> f.commissions.validate(specificPost("1h1k01", 1_000_001)), "amount_out_of_range");
    assertRejected(() -> f.commissions.validate(specificPost("1h1k01", 50)), "amount_below_minimum");
    assertThat(f.commissions.validate(new CommissionRequest(Money.ofDollars(25), DonationType.COMMISSION,
        CommissionType.SPECIFIC_POST, null, "1h1k01", null, "x".repeat(500))).request().message()).hasSize(500);
    assertThat(f.commissions.validate(new CommissionRequest(Money.ofDollars(5), DonationType.COMMISSION,
        CommissionType.RANDOM_RANDOM, "cats", "1h1k01", null, "")).request().postId())
        .as("random_random keeps neither subreddit nor post").isNull();
    assertThat(gateway.payments()).isEmpty();
  }

  @Test
  void adminActionsDoWhatTheStateAllowsAndSayWhyNot(TestStores stores) throws Exception {
    start(stores, null, new RecordingSleeper());
    Donation donation = paid(specificPost("1h1k01", 2500));
    Task task = task(donation);
    assertThatThrownBy(() -> f.commissions.retry(task.id())).isInstanceOfSatisfying(CommissionActionException.class,
        e -> {
          assertThat(e.code()).isEqualTo("not_retryable");
          assertThat(e.getMessage()).endsWith("this one is pending");
        });
    assertThatThrownBy(() -> f.commissions.retry("no-such-task")).isInstanceOfSatisfying(
        CommissionActionException.class, e -> assertThat(e.isNotFound()).isTrue());
    assertThat(f.engine.worker().runOnce("w1")).isTrue();
    assertThatThrownBy(() -> f.commissions.cancel(task.id())).isInstanceOfSatisfying(CommissionActionException.class,
        e -> {
          assertThat(e.code()).isEqualTo("not_cancellable");
          assertThat(e.getMessage()).endsWith("this one is completed");
        });
    assertThatThrownBy(() -> f.commissions.retry(task.id())).isInstanceOfSatisfying(CommissionActionException.class,
        e -> assertThat(e.code()).isEqualTo("not_retryable"));
    assertThat(f.store.donations().find(donation.id()).orElseThrow().status()).isEqualTo(DonationStatus.SUCCEEDED);

    Task free = f.commissions.createManual(randomSubreddit("cats", 0));
    assertThat(f.commissions.cancel(free.id()).status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(f.store.donations().find(free.donationId()).orElseThrow().status())
        .as("nothing to refund on a free commission").isEqualTo(DonationStatus.SUCCEEDED);
    Task again = f.commissions.retry(free.id());
    assertThat(again.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(updates(free)).extracting(ClouvelEvent.TaskUpdated::status).containsExactly(TaskStatus.CANCELLED,
        TaskStatus.PENDING);
    assertThat(f.commissions.workerStatus().running()).as("no worker threads in this test").isFalse();
    assertThat(f.commissions.workOnce()).as("the caller works the retried task itself").isTrue();
    assertThat(f.store.tasks().find(free.id()).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(f.commissions.workOnce()).as("nothing left to claim").isFalse();
    assertThat(f.commissions.workerStatus().busy()).isZero();

    assertThat(f.commissions.schedule().enabled()).isFalse();
    assertThat(f.commissions.runScheduleIfDue()).as("the scheduler is off").isEmpty();
    SchedulerSettings hourly = new SchedulerSettings(true, Duration.ofHours(1), CommissionType.RANDOM_RANDOM, null,
        null);
    assertThat(f.commissions.updateSchedule(hourly)).isEqualTo(hourly);
    assertThat(f.commissions.schedule()).isEqualTo(hourly);
    assertThat(f.commissions.runScheduleIfDue()).as("never run, so due at once").isPresent();
    assertThat(f.commissions.runScheduleIfDue()).as("ran a moment ago; next in an hour").isEmpty();
    Task scheduled = f.commissions.runScheduleNow();
    Donation gift = f.store.donations().find(scheduled.donationId()).orElseThrow();
    assertThat(gift.source()).isEqualTo(DonationSource.SCHEDULED);
    assertThat(gift.amount()).isEqualTo(Money.ZERO);
    assertThat(scheduled.spec().type()).isEqualTo(CommissionType.RANDOM_RANDOM);
    assertThat(scheduled.spec().quality()).isEqualTo(SETTINGS.freeQuality());
    assertThat(gateway.refundRequests()).isEmpty();
  }

  private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(CommissionRejectedException.class,
        e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void aTaskTakenOverAfterItsLeaseRanOutIsLeftToItsNewWorker(TestStores stores) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    PaintedImageGenerator painter = new PaintedImageGenerator();
    start(stores, request -> {
      if (calls.incrementAndGet() == 1) {
        // The first worker stalls past its lease; another worker takes the task and finishes it.
        f.clock.advance(SETTINGS.lease().plusSeconds(1));
        assertThat(f.engine.worker().runOnce("successor")).isTrue();
      }
      return painter.generate(request);
    }, new RecordingSleeper());
    Task task = task(paid(specificPost("1h1k01", 2500)));

    assertThat(f.engine.worker().runOnce("stalled")).isTrue();

    Task done = f.store.tasks().find(task.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(done.attempts()).isEqualTo(2);
    assertThat(f.store.products().list(PageRequest.first(10), null).items()).extracting(Product::id)
        .containsExactly(done.productId());
    assertThat(updates(task)).filteredOn(u -> u.status() == TaskStatus.COMPLETED).hasSize(1);
    assertThat(updates(task)).filteredOn(u -> u.status() == TaskStatus.FAILED).isEmpty();
    assertThat(f.events(ClouvelEvent.ProductCreated.class)).hasSize(1);
    assertThat(gateway.refundRequests()).isEmpty();
  }

  @Test
  void aPoolWorksAndMaintainsUntilItIsStoppedAndFinishesWhatItHolds(TestStores stores) throws Exception {
    List<Duration> waits = new CopyOnWriteArrayList<>();
    CountDownLatch painting = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    PaintedImageGenerator painter = new PaintedImageGenerator();
    start(stores, request -> {
      if (request.quality() == ImageQuality.HD && painting.getCount() > 0) {
        // Only the paid (gold, HD) commission is held; the scheduled one is standard.
        painting.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return painter.generate(request);
    }, duration -> {
      waits.add(duration);
      Thread.sleep(2);
    });
    Task held = task(paid(specificPost("1h1k01", 2500)));
    f.store.scheduler().save(new SchedulerSettings(true, Duration.ofHours(1), CommissionType.RANDOM_SUBREDDIT,
        "gardening", null));
    WorkerPool pool = f.engine.workers();
    assertThat(pool.isRunning()).isFalse();
    assertThat(pool.size()).isEqualTo(2);

    assertThat(pool.start()).isSameAs(pool);
    assertThat(pool.start()).as("starting twice changes nothing").isSameAs(pool);
    assertThat(pool.isRunning()).isTrue();
    assertThat(painting.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(pool.busyWorkers()).isGreaterThanOrEqualTo(1);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (f.store.tasks().list(PageRequest.first(10), TaskStatus.COMPLETED).total() < 1
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Task scheduled = f.store.tasks().list(PageRequest.first(10), TaskStatus.COMPLETED).items().get(0);
    assertThat(scheduled.spec().subreddit()).as("made by the maintenance loop's scheduler").isEqualTo("gardening");
    assertThat(waits).contains(SETTINGS.pollInterval(), SETTINGS.maintenanceInterval());

    Thread stopper = new Thread(() -> pool.stop(Duration.ofSeconds(30)));
    stopper.start();
    stopper.join(300);
    assertThat(stopper.isAlive()).as("a graceful stop waits for the task in flight").isTrue();
    release.countDown();
    stopper.join(30_000);
    assertThat(stopper.isAlive()).isFalse();
    assertThat(pool.isRunning()).isFalse();
    assertThat(pool.busyWorkers()).isZero();
    assertThat(f.store.tasks().find(held.id()).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
  }
}
