package ai.clouvel.core.pipeline.internal;

import ai.clouvel.core.provider.ProviderCall;
import ai.clouvel.core.provider.ProviderCallListener;
import ai.clouvel.core.provider.ProviderError;
import ai.clouvel.core.provider.ProviderResponse;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.core.usage.Usage;
import ai.clouvel.core.usage.UsageRecord;
import ai.clouvel.core.usage.UsageRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The model calls of one pipeline run, told to the listeners: the run's usage accounting (the
 * run's result, and the store's usage repository), then the embedder's listener. Usage is tracked
 * by listening, so whatever a listener sees is exactly what is accounted. The store gets a run's
 * usage in one write ({@link #flushWith}: with the product's id, in one transaction, after the
 * run's last model call; {@link #flush()}: when the run fails, or on a store without
 * transactions); a process that dies between a call and that write loses that call's record.
 */
final class ModelCalls {
  private final String runId;
  private final Clock clock;
  private final List<Usage> collected = new ArrayList<>();
  private final UsageAccounting accounting;
  private final ProviderCallListener embedder;

  ModelCalls(String runId, Clock clock, UsageRepository repository, ProviderCallListener embedder) {
    this.runId = runId;
    this.clock = clock;
    this.accounting = new UsageAccounting(repository, collected);
    this.embedder = ProviderCallListener.safe(embedder);
  }

  /**
   * Makes one model call through a port and tells the listeners.
   *
   * @param operation {@code "summary"}, {@code "idea"} or {@code "image"}
   * @param port the port implementation, named as the call's provider
   * @param work the call
   * @param usage reads the usage of its answer
   * @return the answer
   */
  <T> T call(String operation, Object port, Supplier<T> work, Function<T, Usage> usage) {
    ProviderCall call = new ProviderCall(port.getClass().getSimpleName(), operation, null, 1, runId);
    accounting.onRequest(call);
    embedder.onRequest(call);
    Instant started = clock.instant();
    T answer;
    try {
      answer = work.get();
    } catch (RuntimeException e) {
      ProviderError error = new ProviderError(call, e, Duration.between(started, clock.instant()), false);
      accounting.onError(error);
      embedder.onError(error);
      throw e;
    }
    Usage used = usage.apply(answer);
    ProviderResponse response = new ProviderResponse(
        new ProviderCall(call.provider(), operation, used.model(), 1, runId), used,
        Duration.between(started, clock.instant()));
    accounting.onResponse(response);
    embedder.onResponse(response);
    return answer;
  }

  /**
   * Returns the usage of every call answered so far, in order.
   *
   * @return the usage
   */
  List<Usage> usage() {
    return collected;
  }

  /**
   * Writes the usage of the calls answered since the last flush to the store, in one write. Does
   * nothing if there are none. Calls that the write did not record stay pending.
   */
  void flush() {
    List<UsageRecord> records = accounting.pending();
    if (!records.isEmpty()) {
      accounting.repository.recordAll(runId, records);
      accounting.recorded(records.size());
    }
  }

  /**
   * Writes the pending usage in a caller's transaction, then runs more work in it; the calls count
   * as recorded only once the transaction committed, so that a rollback leaves them pending.
   *
   * @param store the store whose transaction records them
   * @param more the rest of the transaction's work
   * @param <T> what the rest returns
   * @return what the rest returned
   */
  <T> T flushWith(ClouvelStore store, Function<ClouvelStore, T> more) {
    List<UsageRecord> records = accounting.pending();
    T result = store.inTransaction(tx -> {
      if (!records.isEmpty()) {
        tx.usage().recordAll(runId, records);
      }
      return more.apply(tx);
    });
    accounting.recorded(records.size());
    return result;
  }

  /**
   * Records every answered model call of a run in the run's result at once, and under the run's
   * id in the store when flushed.
   */
  private static final class UsageAccounting implements ProviderCallListener {
    private final UsageRepository repository;
    private final List<Usage> collected;
    private final List<UsageRecord> pending = new ArrayList<>();

    UsageAccounting(UsageRepository repository, List<Usage> collected) {
      this.repository = repository;
      this.collected = collected;
    }

    @Override
    public synchronized void onResponse(ProviderResponse response) {
      collected.add(response.usage());
      pending.add(new UsageRecord(response.call().operation(), response.usage()));
    }

    /** The calls not yet recorded in the store, oldest first. */
    synchronized List<UsageRecord> pending() {
      return List.copyOf(pending);
    }

    /** The oldest {@code count} pending calls are now in the store. */
    synchronized void recorded(int count) {
      pending.subList(0, count).clear();
    }
  }
}
