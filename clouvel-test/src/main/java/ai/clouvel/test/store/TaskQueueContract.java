package ai.clouvel.test.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.progress.Progress;
import ai.clouvel.core.progress.Stage;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.core.store.DuplicateKeyException;
import ai.clouvel.core.task.NewTask;
import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskQueue;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.test.data.TaskBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract of a store's durable {@link TaskQueue}: claims with leases, heartbeats, completion
 * only by the lease holder, retries after backoff, leases taken over from stopped workers, batched
 * claims and completions, cancel and retry, claims inside transactions, and four concurrent workers
 * completing 2,000 tasks exactly once. It is part of {@link ClouvelStoreContract}, which extends it:
 * a full store extends that class, not this one.
 */
public abstract class TaskQueueContract extends CatalogStoreContract {
  private static final Duration LEASE = Duration.ofSeconds(30);

  /** Lets subclasses be created by JUnit. */
  protected TaskQueueContract() {
  }

  @Override
  protected abstract ClouvelStore openStore(Clock clock);

  @Override
  protected ClouvelStore store() {
    return (ClouvelStore) super.store();
  }

  private TaskQueue queue() {
    return store().tasks();
  }

  @Test
  void aTaskIsClaimedRenewedAndCompleted() {
    Task task = queue().enqueue(TaskBuilder.task(clock.instant()).build());
    assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(task.progress()).isEqualTo(Progress.QUEUED);
    assertThat(queue().depth()).isEqualTo(1);

    Task claimed = queue().claim("w1", LEASE).orElseThrow();
    assertThat(claimed.id()).isEqualTo(task.id());
    assertThat(claimed.status()).isEqualTo(TaskStatus.IN_PROGRESS);
    assertThat(claimed.attempts()).isEqualTo(1);
    assertThat(claimed.leaseOwner()).isEqualTo("w1");
    assertThat(claimed.leaseExpiresAt()).isEqualTo(clock.instant().plus(LEASE));
    assertThat(queue().claim("w2", LEASE)).isEmpty();

    clock.advance(Duration.ofSeconds(20));
    Progress halfway = new Progress(Stage.IMAGE_GENERATION_IN_PROGRESS, 60, "Painting");
    assertThat(queue().heartbeat(task.id(), "w1", LEASE, halfway)).isTrue();
    Task renewed = queue().find(task.id()).orElseThrow();
    assertThat(renewed.leaseExpiresAt()).isEqualTo(clock.instant().plus(LEASE));
    assertThat(renewed.progress()).isEqualTo(halfway);
    assertThat(queue().heartbeat(task.id(), "w1", LEASE, null)).isTrue();
    assertThat(queue().find(task.id()).orElseThrow().progress()).isEqualTo(halfway);

    assertThat(queue().complete(task.id(), "w2", 7)).isFalse();
    assertThat(queue().complete(task.id(), "w1", 7)).isTrue();
    Task done = queue().find(task.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(done.productId()).isEqualTo(7L);
    assertThat(done.progress().percent()).isEqualTo(100);
    assertThat(queue().depth()).isZero();
    assertThat(queue().complete(task.id(), "w1", 7)).isFalse();
  }

  @Test
  void aTaskIsNotClaimedBeforeItsRunTime() {
    queue().enqueue(new NewTask("later", null, TaskBuilder.DEFAULT_SPEC, 3, clock.instant().plusSeconds(60)));
    assertThat(queue().claim("w1", LEASE)).isEmpty();
    clock.advance(Duration.ofSeconds(60));
    assertThat(queue().claim("w1", LEASE)).map(Task::id).hasValue("later");
  }

  @Test
  void aDonationHasAtMostOneTask() {
    Donation donation = data().commission("cs_one_task", 2500, "hiking");
    queue().enqueue(TaskBuilder.task(clock.instant()).donation(donation.id()).build());
    assertThatThrownBy(() -> queue().enqueue(TaskBuilder.task(clock.instant()).donation(donation.id()).build()))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(queue().findByDonation(donation.id())).isPresent();
    assertThat(queue().depth()).isEqualTo(1);
  }

  @Test
  void failuresRetryAfterBackoffUntilAttemptsRunOut() {
    Task task = queue().enqueue(TaskBuilder.task(clock.instant()).build());
    for (int attempt = 1; attempt <= 2; attempt++) {
      queue().claim("w1", LEASE).orElseThrow();
      Optional<TaskStatus> status = queue().fail(task.id(), "w1", "openai: 503", false, clock.instant().plusSeconds(10));
      assertThat(status).hasValue(TaskStatus.PENDING);
      assertThat(queue().claim("w1", LEASE)).as("not before the backoff").isEmpty();
      clock.advance(Duration.ofSeconds(10));
    }
    queue().claim("w1", LEASE).orElseThrow();
    assertThat(queue().fail(task.id(), "w1", "openai: 503", false, clock.instant())).hasValue(TaskStatus.FAILED);
    Task failed = queue().find(task.id()).orElseThrow();
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.error()).isEqualTo("openai: 503");
    assertThat(failed.progress().stage()).isEqualTo(Stage.FAILED);
    assertThat(queue().claim("w1", LEASE)).isEmpty();
  }

  @Test
  void permanentFailuresAreNotRetriedAndOnlyTheHolderCanFail() {
    Task task = queue().enqueue(TaskBuilder.task(clock.instant()).build());
    queue().claim("w1", LEASE).orElseThrow();
    assertThat(queue().fail(task.id(), "w2", "x", true, clock.instant())).isEmpty();
    assertThat(queue().fail(task.id(), "w1", "content policy", true, clock.instant())).hasValue(TaskStatus.FAILED);
    assertThat(queue().find(task.id()).orElseThrow().attempts()).isEqualTo(1);
  }

  @Test
  void aWorkerThatStopsHeartbeatingLosesItsTaskToAnother() {
    Task task = queue().enqueue(TaskBuilder.task(clock.instant()).build());
    queue().claim("stopped-worker", LEASE).orElseThrow();
    clock.advance(LEASE.minusSeconds(1));
    assertThat(queue().claim("rescuer", LEASE)).as("lease still valid").isEmpty();
    clock.advance(Duration.ofSeconds(2));

    Task taken = queue().claim("rescuer", LEASE).orElseThrow();
    assertThat(taken.id()).isEqualTo(task.id());
    assertThat(taken.leaseOwner()).isEqualTo("rescuer");
    assertThat(taken.attempts()).isEqualTo(2);

    assertThat(queue().heartbeat(task.id(), "stopped-worker", LEASE, null)).isFalse();
    assertThat(queue().complete(task.id(), "stopped-worker", 1)).isFalse();
    assertThat(queue().complete(task.id(), "rescuer", 2)).isTrue();
    assertThat(queue().find(task.id()).orElseThrow().productId()).isEqualTo(2L);
  }

  @Test
  void anAbandonedTaskWithNoAttemptsLeftFails() {
    Task task = queue().enqueue(new NewTask("once", null, TaskBuilder.DEFAULT_SPEC, 1, clock.instant()));
    queue().claim("w1", LEASE).orElseThrow();
    clock.advance(LEASE.plusSeconds(1));
    assertThat(queue().claim("w2", LEASE)).isEmpty();
    List<Task> abandoned = queue().failAbandoned();
    assertThat(abandoned).extracting(Task::id).containsExactly(task.id());
    assertThat(abandoned.get(0).status()).isEqualTo(TaskStatus.FAILED);
    assertThat(queue().failAbandoned()).isEmpty();
  }

  @Test
  void tasksCanBeCancelledAndRetried() {
    Task task = queue().enqueue(TaskBuilder.task(clock.instant()).build());
    assertThat(queue().retry(task.id())).as("pending tasks need no retry").isFalse();
    assertThat(queue().cancel(task.id())).isTrue();
    assertThat(queue().cancel(task.id())).isFalse();
    assertThat(queue().claim("w1", LEASE)).isEmpty();
    assertThat(queue().retry(task.id())).isTrue();
    Task retried = queue().claim("w1", LEASE).orElseThrow();
    assertThat(retried.attempts()).isEqualTo(1);
    assertThat(queue().list(PageRequest.first(10), TaskStatus.IN_PROGRESS).total()).isEqualTo(1);
    assertThat(queue().list(PageRequest.first(10), TaskStatus.PENDING).total()).isZero();
  }

  @Test
  void fourConcurrentWorkersCompleteTwoThousandTasksExactlyOnce() throws Exception {
    int tasks = 2_000;
    store().inTransaction(tx -> {
      for (int i = 0; i < tasks; i++) {
        tx.tasks().enqueue(new NewTask("t" + i, null, TaskBuilder.DEFAULT_SPEC, 3, clock.instant()));
      }
      return null;
    });
    Map<String, AtomicInteger> completions = new ConcurrentHashMap<>();
    ExecutorService workers = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        String workerId = "worker-" + w;
        results.add(workers.submit(() -> {
          int done = 0;
          Optional<Task> next;
          while ((next = queue().claim(workerId, Duration.ofMinutes(5))).isPresent()) {
            Task task = next.get();
            assertThat(queue().complete(task.id(), workerId, 1)).isTrue();
            completions.computeIfAbsent(task.id(), id -> new AtomicInteger()).incrementAndGet();
            done++;
          }
          return done;
        }));
      }
      int total = 0;
      for (Future<Integer> result : results) {
        int done = result.get(5, TimeUnit.MINUTES);
        assertThat(done).as("every worker got work").isPositive();
        total += done;
      }
      assertThat(total).isEqualTo(tasks);
    } finally {
      workers.shutdownNow();
    }
    assertThat(completions).hasSize(tasks);
    assertThat(completions.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    assertThat(queue().depth()).isZero();
    assertThat(queue().list(new PageRequest(1, 0), TaskStatus.COMPLETED).total()).isEqualTo(tasks);
    assertThat(queue().list(PageRequest.first(200), null).items()).allSatisfy(t -> assertThat(t.attempts()).isEqualTo(1));
  }

  @Test
  void aBatchedClaimTakesExpiredLeasesFirstThenDueTasksInRunOrder() {
    queue().enqueue(new NewTask("stalled", null, TaskBuilder.DEFAULT_SPEC, 3, clock.instant().minusSeconds(5)));
    queue().claim("stopped-worker", LEASE).orElseThrow();
    queue().enqueue(new NewTask("due-2", null, TaskBuilder.DEFAULT_SPEC, 3, clock.instant().minusSeconds(2)));
    queue().enqueue(new NewTask("due-1", null, TaskBuilder.DEFAULT_SPEC, 3, clock.instant().minusSeconds(3)));
    queue().enqueue(new NewTask("due-3", null, TaskBuilder.DEFAULT_SPEC, 3, clock.instant().minusSeconds(1)));
    queue().enqueue(new NewTask("later", null, TaskBuilder.DEFAULT_SPEC, 3,
        clock.instant().plus(LEASE).plusSeconds(60)));
    clock.advance(LEASE.plusSeconds(1));

    List<Task> first = queue().claim("w1", LEASE, 3);
    assertThat(first).extracting(Task::id).containsExactly("stalled", "due-1", "due-2");
    assertThat(first).allSatisfy(task -> {
      assertThat(task.status()).isEqualTo(TaskStatus.IN_PROGRESS);
      assertThat(task.leaseOwner()).isEqualTo("w1");
      assertThat(task.leaseExpiresAt()).isEqualTo(clock.instant().plus(LEASE));
    });
    assertThat(first.get(0).attempts()).as("the stalled task's second attempt").isEqualTo(2);
    assertThat(queue().claim("w2", LEASE, 10)).extracting(Task::id).containsExactly("due-3");
    assertThat(queue().claim("w2", LEASE, 10)).as("nothing else is due").isEmpty();
    assertThatThrownBy(() -> queue().claim("w2", LEASE, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void completeAllCompletesOnlyTheTasksTheWorkerStillHolds() {
    for (String id : List.of("a", "b", "c")) {
      queue().enqueue(new NewTask(id, null, TaskBuilder.DEFAULT_SPEC, 3, clock.instant()));
    }
    assertThat(queue().claim("w1", LEASE, 2)).extracting(Task::id).containsExactlyInAnyOrder("a", "b");
    assertThat(queue().claim("w2", LEASE, 2)).extracting(Task::id).containsExactly("c");
    Map<String, Long> products = new LinkedHashMap<>();
    products.put("a", 11L);
    products.put("b", 12L);
    products.put("c", 13L);
    products.put("missing", 14L);

    assertThat(queue().completeAll("w1", products)).containsExactly("a", "b");
    assertThat(queue().find("a").orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(queue().find("b").orElseThrow().productId()).isEqualTo(12L);
    assertThat(queue().find("c").orElseThrow().status()).as("held by w2").isEqualTo(TaskStatus.IN_PROGRESS);
    assertThat(queue().completeAll("w1", products)).as("a replay completes nothing").isEmpty();
    assertThat(queue().completeAll("w2", Map.of("c", 13L))).containsExactly("c");
    assertThat(queue().completeAll("w2", Map.of())).isEmpty();
    assertThat(queue().depth()).isZero();
  }

  @Test
  void fourWorkersClaimingAndCompletingInBatchesCompleteEveryTaskExactlyOnce() throws Exception {
    int tasks = 2_000;
    store().inTransaction(tx -> {
      for (int i = 0; i < tasks; i++) {
        tx.tasks().enqueue(new NewTask("t" + i, null, TaskBuilder.DEFAULT_SPEC, 3, clock.instant()));
      }
      return null;
    });
    Map<String, AtomicInteger> completions = new ConcurrentHashMap<>();
    ExecutorService workers = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        String workerId = "worker-" + w;
        results.add(workers.submit(() -> {
          int done = 0;
          List<Task> batch;
          while (!(batch = queue().claim(workerId, Duration.ofMinutes(5), 16)).isEmpty()) {
            Map<String, Long> products = new LinkedHashMap<>();
            batch.forEach(task -> products.put(task.id(), 1L));
            assertThat(queue().completeAll(workerId, products)).containsExactlyElementsOf(products.keySet());
            batch.forEach(task -> completions.computeIfAbsent(task.id(), id -> new AtomicInteger()).incrementAndGet());
            done += batch.size();
          }
          return done;
        }));
      }
      int total = 0;
      for (Future<Integer> result : results) {
        total += result.get(5, TimeUnit.MINUTES);
      }
      assertThat(total).isEqualTo(tasks);
    } finally {
      workers.shutdownNow();
    }
    assertThat(completions).hasSize(tasks);
    assertThat(completions.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    assertThat(queue().depth()).isZero();
    assertThat(queue().list(new PageRequest(1, 0), TaskStatus.COMPLETED).total()).isEqualTo(tasks);
  }

  @Test
  void aBatchedClaimInsideATransactionIsPartOfIt() {
    queue().enqueue(new NewTask("in-tx", null, TaskBuilder.DEFAULT_SPEC, 3, clock.instant()));
    assertThatThrownBy(() -> store().inTransaction(tx -> {
      assertThat(tx.tasks().claim("w1", LEASE, 5)).extracting(Task::id).containsExactly("in-tx");
      throw new IllegalStateException("roll back");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(queue().find("in-tx").orElseThrow().status()).as("rolled back").isEqualTo(TaskStatus.PENDING);

    List<Task> committed = store().inTransaction(tx -> {
      List<Task> claimed = tx.tasks().claim("w2", LEASE, 5);
      assertThat(tx.tasks().list(PageRequest.first(10), TaskStatus.IN_PROGRESS).total()).isEqualTo(1);
      return claimed;
    });
    assertThat(committed).extracting(Task::leaseOwner).containsExactly("w2");
    assertThat(queue().find("in-tx").orElseThrow().attempts()).isEqualTo(1);
  }
}
