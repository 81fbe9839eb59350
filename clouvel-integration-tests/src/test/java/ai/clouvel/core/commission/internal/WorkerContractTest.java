package ai.clouvel.core.commission.internal;

import static ai.clouvel.core.commission.internal.CommissionFixture.randomSubreddit;
import static ai.clouvel.core.commission.internal.CommissionFixture.specificPost;
import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.commission.CommissionSettings;
import ai.clouvel.core.commission.Commissions;
import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.donation.DonationSource;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.image.ImageGenerator;
import ai.clouvel.core.offline.PaintedImageGenerator;
import ai.clouvel.core.offline.TemplateIdeaGenerator;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.progress.Stage;
import ai.clouvel.core.provider.ContentRejectedException;
import ai.clouvel.core.provider.ProviderUnavailableException;
import ai.clouvel.core.schedule.SchedulerSettings;
import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.core.time.Sleeper;
import ai.clouvel.store.testing.TestStores;
import ai.clouvel.test.stripe.FakeStripeApi;
import ai.clouvel.test.stripe.StripeJson;
import ai.clouvel.test.time.RecordingSleeper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Workers, leases, retries and refunds exactly once, on each database. */
@ExtendWith(TestStores.Extension.class)
abstract class WorkerContractTest {
  private static final Duration LEASE = CommissionSettings.DEFAULTS.lease();

  @TempDir
  Path directory;

  private CommissionFixture f;

  protected abstract TestStores.Kind kind();

  private CommissionFixture start(TestStores stores, ImageGenerator images) throws Exception {
    return start(stores, images, new RecordingSleeper());
  }

  private CommissionFixture start(TestStores stores, ImageGenerator images, Sleeper sleeper) throws Exception {
    f = new CommissionFixture(stores, kind(), directory, images, sleeper);
    return f;
  }

  @AfterEach
  void stop() {
    if (f != null) {
      f.close();
    }
  }

  private Donation paidCommission(String postId) {
    Commissions.CheckoutStarted started = f.commissions.startCheckout(specificPost(postId, 2500), "https://s", "https://c");
    f.deliver(f.checkoutCompleted("evt_" + started.session().sessionId(), started.session().sessionId(), 2500,
        f.stripeApi.lastCheckoutMetadata()));
    return f.store.donations().findByPaymentId(started.session().sessionId()).orElseThrow();
  }

  @Test
  void aWorkerMakesTheProductAndPublishesTheProgressLadder(TestStores stores) throws Exception {
    start(stores, null);
    Donation donation = paidCommission("1h1k01");
    Task task = f.store.tasks().findByDonation(donation.id()).orElseThrow();

    assertThat(f.engine.worker().runOnce("w1")).isTrue();

    Task done = f.store.tasks().find(task.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(f.store.products().find(done.productId())).hasValueSatisfying(p -> {
      assertThat(p.postId()).isEqualTo("1h1k01");
      assertThat(p.imageQuality()).isEqualTo(ai.clouvel.core.image.ImageQuality.HD);
    });
    List<ClouvelEvent.TaskUpdated> updates = f.events(ClouvelEvent.TaskUpdated.class).stream()
        .filter(u -> u.taskId().equals(task.id())).toList();
    assertThat(updates).extracting(u -> u.progress().percent()).containsExactly(10, 20, 30, 40, 90, 95, 100, 100);
    assertThat(updates.get(updates.size() - 1).status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(updates.get(updates.size() - 1).productId()).isEqualTo(done.productId());
    assertThat(f.events(ClouvelEvent.ProductCreated.class)).hasSize(1);
    assertThat(f.engine.worker().runOnce("w1")).isFalse();
    assertThat(f.stripeApi.refunds()).isEmpty();
  }

  @Test
  void aProviderFailureRefundsExactlyOnce(TestStores stores) throws Exception {
    start(stores, request -> {
      throw new ContentRejectedException("openai", "Your request was rejected by our safety system");
    });
    Donation donation = paidCommission("1h1k02");

    f.engine.worker().runOnce("w1");

    Task task = f.store.tasks().findByDonation(donation.id()).orElseThrow();
    assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(task.attempts()).as("content rejections are not retried").isEqualTo(1);
    assertThat(task.error()).contains("safety system");
    assertThat(f.store.usage().totals().calls()).as("the summary and idea before the refused image are accounted")
        .isEqualTo(2);
    assertThat(f.store.donations().find(donation.id()).orElseThrow().status()).isEqualTo(DonationStatus.REFUNDED);
    assertThat(f.stripeApi.refunds()).hasSize(1);
    assertThat(f.stripeApi.refunds().get(0).getHeaders().get("Idempotency-Key"))
        .isEqualTo("clouvel-refund-" + donation.id() + "-" + donation.paymentId());

    f.clock.advance(Duration.ofHours(1));
    f.commissions.maintain();
    f.engine.refunds().refundFailedCommission(donation.id(), "again");
    assertThat(f.stripeApi.refunds()).hasSize(1);
  }

  @Test
  void transientFailuresAreRetriedAfterBackoff(TestStores stores) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    PaintedImageGenerator painter = new PaintedImageGenerator();
    start(stores, request -> {
      if (calls.incrementAndGet() == 1) {
        throw new ProviderUnavailableException("openai", "HTTP 503 after 4 attempt(s)", null);
      }
      return painter.generate(request);
    });
    Donation donation = paidCommission("1h1k03");
    Task task = f.store.tasks().findByDonation(donation.id()).orElseThrow();

    f.engine.worker().runOnce("w1");
    Task waiting = f.store.tasks().find(task.id()).orElseThrow();
    assertThat(waiting.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(waiting.nextRunAt()).isEqualTo(f.clock.instant().plus(CommissionSettings.DEFAULTS.retryBackoff()));
    assertThat(waiting.progress().stage()).isEqualTo(Stage.QUEUED);
    assertThat(f.engine.worker().runOnce("w1")).as("not before the backoff").isFalse();

    f.clock.advance(CommissionSettings.DEFAULTS.retryBackoff());
    assertThat(f.engine.worker().runOnce("w1")).isTrue();
    assertThat(f.store.tasks().find(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(f.stripeApi.refunds()).isEmpty();
  }

  @Test
  void transientFailuresThatNeverEndFailAfterTheLastAttemptAndRefundOnce(TestStores stores) throws Exception {
    start(stores, request -> {
      throw new ProviderUnavailableException("openai", "timeout", null);
    });
    Donation donation = paidCommission("1s2p01");
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(f.engine.worker().runOnce("w1")).isTrue();
      f.clock.advance(Duration.ofHours(1));
    }
    Task task = f.store.tasks().findByDonation(donation.id()).orElseThrow();
    assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(task.attempts()).isEqualTo(3);
    assertThat(f.stripeApi.refunds()).hasSize(1);
  }

  @Test
  void aFailingRefundCallIsRetriedLaterAndStillRefundsOnce(TestStores stores) throws Exception {
    start(stores, request -> {
      throw new ContentRejectedException("openai", "rejected");
    });
    f.stripeApi.answerNextRefund(() -> FakeStripeApi.json(500, StripeJson.error("api_error", "Stripe is down")));
    Donation donation = paidCommission("1s2p02");

    f.engine.worker().runOnce("w1");
    assertThat(f.store.donations().find(donation.id()).orElseThrow().status()).isEqualTo(DonationStatus.REFUND_PENDING);
    f.commissions.maintain();
    assertThat(f.stripeApi.refunds()).as("not before the retry time").hasSize(1);

    f.clock.advance(CommissionSettings.DEFAULTS.refundRetryInterval());
    f.commissions.maintain();
    assertThat(f.store.donations().find(donation.id()).orElseThrow().status()).isEqualTo(DonationStatus.REFUNDED);
    f.clock.advance(Duration.ofHours(1));
    f.commissions.maintain();

    assertThat(f.stripeApi.refunds()).hasSize(2);
    assertThat(f.stripeApi.refunds()).extracting(r -> r.getHeaders().get("Idempotency-Key")).containsOnly(
        "clouvel-refund-" + donation.id() + "-" + donation.paymentId());
  }

  @Test
  void aWorkerKilledMidTaskIsReplacedWhenItsLeaseRunsOut(TestStores stores) throws Exception {
    CountDownLatch painting = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    PaintedImageGenerator painter = new PaintedImageGenerator();
    ImageGenerator firstCallHangs = request -> {
      if (calls.incrementAndGet() == 1) {
        painting.countDown();
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ProviderUnavailableException("painter", "interrupted", e);
        }
      }
      return painter.generate(request);
    };
    start(stores, firstCallHangs, duration -> Thread.sleep(5));
    Donation donation = paidCommission("1w5d01");
    Task task = f.store.tasks().findByDonation(donation.id()).orElseThrow();

    f.engine.workers().start();
    assertThat(painting.await(30, TimeUnit.SECONDS)).isTrue();
    f.engine.workers().kill();

    assertThat(f.store.tasks().find(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.IN_PROGRESS);
    assertThat(f.engine.worker().runOnce("rescuer")).as("the lease still holds").isFalse();
    f.clock.advance(LEASE.plusSeconds(1));
    assertThat(f.engine.worker().runOnce("rescuer")).isTrue();

    Task done = f.store.tasks().find(task.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(done.attempts()).isEqualTo(2);
    assertThat(f.store.products().list(PageRequest.first(10), null).total()).isEqualTo(1);
    assertThat(f.stripeApi.refunds()).isEmpty();
  }

  @Test
  void heartbeatsKeepALongTaskFromBeingTakenOver(TestStores stores) throws Exception {
    TemplateIdeaGenerator ideas = new TemplateIdeaGenerator();
    AtomicInteger attemptsSeenByThief = new AtomicInteger();
    f = new CommissionFixture(stores, kind(), directory, null, new RecordingSleeper(), builder ->
        builder.ideaGenerator(request -> {
          // A slow idea call: 8 x 20 s outlives the 2-minute lease; only heartbeats keep the task.
          for (int i = 0; i < 8; i++) {
            f.clock.advance(CommissionSettings.DEFAULTS.heartbeatInterval());
            f.ticker.tick();
          }
          f.engine.worker().runOnce("thief");
          attemptsSeenByThief.set(f.store.tasks().list(PageRequest.first(5), null).items().get(0).attempts());
          return ideas.generate(request);
        }));
    paidCommission("1w5d02");
    f.engine.worker().runOnce("w1");
    assertThat(attemptsSeenByThief.get()).as("the task was not claimed again").isEqualTo(1);
    assertThat(f.store.tasks().list(PageRequest.first(5), TaskStatus.COMPLETED).total()).isEqualTo(1);
    assertThat(f.store.products().list(PageRequest.first(5), null).total()).isEqualTo(1);
  }

  @Test
  void manualCommissionsAreMadeButNeverSentToStripe(TestStores stores) throws Exception {
    start(stores, request -> {
      throw new ContentRejectedException("openai", "rejected");
    });
    Task task = f.commissions.createManual(randomSubreddit("cats", 0));
    Donation donation = f.store.donations().find(task.donationId()).orElseThrow();
    assertThat(donation.source()).isEqualTo(DonationSource.MANUAL);
    f.engine.worker().runOnce("w1");
    assertThat(f.store.tasks().find(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    assertThat(f.store.donations().find(donation.id()).orElseThrow().status()).isEqualTo(DonationStatus.SUCCEEDED);
    assertThat(f.stripeApi.requests()).isEmpty();
  }

  @Test
  void scheduledCommissionsComeAtTheirIntervalWhenEnabled(TestStores stores) throws Exception {
    start(stores, null);
    f.commissions.maintain();
    assertThat(f.store.tasks().depth()).as("off by default").isZero();
    f.store.scheduler().save(new SchedulerSettings(true, Duration.ofHours(1), CommissionType.RANDOM_SUBREDDIT,
        "gardening", null));
    f.commissions.maintain();
    f.commissions.maintain();
    assertThat(f.store.tasks().depth()).isEqualTo(1);
    f.clock.advance(Duration.ofMinutes(59));
    f.commissions.maintain();
    assertThat(f.store.tasks().depth()).isEqualTo(1);
    f.clock.advance(Duration.ofMinutes(1));
    f.commissions.maintain();
    assertThat(f.store.tasks().depth()).isEqualTo(2);

    assertThat(f.engine.worker().runOnce("w1")).isTrue();
    Task made = f.store.tasks().list(PageRequest.first(5), TaskStatus.COMPLETED).items().get(0);
    assertThat(f.store.products().find(made.productId()).orElseThrow().subreddit()).isEqualTo("gardening");
    assertThat(f.store.donations().find(made.donationId()).orElseThrow().source()).isEqualTo(DonationSource.SCHEDULED);
    assertThat(f.stripeApi.requests()).isEmpty();
  }

  @Test
  void aPoolOfWorkersMakesEveryCommissionOnce(TestStores stores) throws Exception {
    start(stores, null, duration -> Thread.sleep(5));
    for (String post : List.of("1g3d01", "1g3d02", "1c4k01", "1c4k02", "1b6k01")) {
      paidCommission(post);
    }
    f.engine.workers().start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (f.store.tasks().depth() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    f.engine.workers().stop(Duration.ofSeconds(10));
    assertThat(f.store.tasks().list(PageRequest.first(10), TaskStatus.COMPLETED).total()).isEqualTo(5);
    assertThat(f.store.products().list(PageRequest.first(10), null).total()).isEqualTo(5);
    assertThat(f.store.tasks().list(PageRequest.first(10), null).items()).allSatisfy(t -> assertThat(t.attempts()).isEqualTo(1));
  }

  @Test
  void everyStageIsPublishedButTheTaskIsWrittenOncePerIntervalAndAtHeartbeats(TestStores stores) throws Exception {
    AtomicBoolean slowIdea = new AtomicBoolean();
    AtomicBoolean tickAfterIdea = new AtomicBoolean();
    List<Stage> storedWhilePainting = new CopyOnWriteArrayList<>();
    AtomicReference<String> painting = new AtomicReference<>();
    TemplateIdeaGenerator ideas = new TemplateIdeaGenerator();
    PaintedImageGenerator painter = new PaintedImageGenerator();
    f = new CommissionFixture(stores, kind(), directory, request -> {
      if (!slowIdea.get()) {
        storedWhilePainting.add(f.store.tasks().find(painting.get()).orElseThrow().progress().stage());
        f.ticker.tick();
        storedWhilePainting.add(f.store.tasks().find(painting.get()).orElseThrow().progress().stage());
      }
      return painter.generate(request);
    }, new RecordingSleeper(), builder -> builder.ideaGenerator(request -> {
      if (slowIdea.get()) {
        f.clock.advance(CommissionWorker.PROGRESS_WRITE_INTERVAL);
      }
      if (tickAfterIdea.get()) {
        f.ticker.tick();
      }
      return ideas.generate(request);
    }));
    String heartbeat = "UPDATE tasks SET lease_expires_at";

    // No time passes: no report is written, until the heartbeat writes the latest one with the lease.
    Task quick = f.store.tasks().findByDonation(paidCommission("1h1k01").id()).orElseThrow();
    painting.set(quick.id());
    f.statements.clear();
    assertThat(f.engine.worker().runOnce("w1")).isTrue();
    assertThat(storedWhilePainting).containsExactly(Stage.QUEUED, Stage.IMAGE_GENERATION_STARTED);
    assertThat(f.statementsStartingWith(heartbeat)).as("the heartbeat's write only").isEqualTo(1);
    assertThat(f.statementsStartingWith("INSERT INTO usage_records")).as("one write for the run's three calls")
        .isEqualTo(1);
    assertThat(f.events(ClouvelEvent.TaskUpdated.class).stream().filter(u -> u.taskId().equals(quick.id())))
        .as("subscribers still see every stage").extracting(u -> u.progress().stage())
        .containsExactly(Stage.POST_FETCHING, Stage.POST_FETCHED, Stage.PRODUCT_DESIGNED,
            Stage.IMAGE_GENERATION_STARTED, Stage.IMAGE_GENERATION_IN_PROGRESS, Stage.IMAGE_GENERATED,
            Stage.PUBLISHING, Stage.COMMISSION_COMPLETE, Stage.COMMISSION_COMPLETE);
    assertThat(f.store.tasks().find(quick.id()).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);

    // The idea takes the interval: the report after it is written, and none of those that follow.
    slowIdea.set(true);
    Task slow = f.store.tasks().findByDonation(paidCommission("1h1k02").id()).orElseThrow();
    f.statements.clear();
    assertThat(f.engine.worker().runOnce("w1")).isTrue();
    assertThat(f.statementsStartingWith(heartbeat)).isEqualTo(1);
    assertThat(f.store.tasks().find(slow.id()).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);

    // The same, with a heartbeat just before the report: the report waits for the next interval.
    tickAfterIdea.set(true);
    Task ticked = f.store.tasks().findByDonation(paidCommission("1h1k03").id()).orElseThrow();
    f.statements.clear();
    assertThat(f.engine.worker().runOnce("w1")).isTrue();
    assertThat(f.statementsStartingWith(heartbeat)).as("the heartbeat's write only").isEqualTo(1);
    assertThat(f.store.tasks().find(ticked.id()).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(f.store.usage().totals().calls()).isEqualTo(9);
    assertThat(f.stripeApi.refunds()).isEmpty();
  }

  @Test
  void aFirstAttemptThatFindsAReservationLeftUnderItsIdKeepsThatPost(TestStores stores) throws Exception {
    start(stores, null);
    Task task = f.commissions.createManual(randomSubreddit("hiking", 0));
    // Left by an earlier run of the same task (cancelled and retried while its worker still ran).
    assertThat(f.store.posts().reserve("1h1k03", task.id())).isTrue();

    assertThat(f.engine.worker().runOnce("w1")).isTrue();

    Task done = f.store.tasks().find(task.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(done.attempts()).isEqualTo(1);
    assertThat(f.store.products().find(done.productId()).orElseThrow().postId()).isEqualTo("1h1k03");
    assertThat(f.store.posts().reservation(task.id())).contains("1h1k03");
  }
}
