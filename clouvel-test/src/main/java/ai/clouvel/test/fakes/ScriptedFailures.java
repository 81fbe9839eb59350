package ai.clouvel.test.fakes;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Failures a fake throws on its next calls, one per call, in order. */
final class ScriptedFailures {
  private final Queue<RuntimeException> next = new ConcurrentLinkedQueue<>();

  void add(RuntimeException failure) {
    next.add(Objects.requireNonNull(failure, "failure"));
  }

  void throwIfScripted() {
    RuntimeException failure = next.poll();
    if (failure != null) {
      throw failure;
    }
  }
}
