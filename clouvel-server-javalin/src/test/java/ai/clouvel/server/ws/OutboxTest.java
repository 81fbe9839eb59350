package ai.clouvel.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OutboxTest {
  /** A transport whose writes complete when the test says so, or at once. */
  private static final class Wire implements Outbox.Transport<String> {
    final List<String> written = new ArrayList<>();
    final List<Runnable> pending = new ArrayList<>();
    boolean completeAtOnce;
    int depth;
    int maxDepth;

    @Override
    public void send(String text, Runnable done, Consumer<Throwable> failed) {
      written.add(text);
      if (completeAtOnce) {
        depth++;
        maxDepth = Math.max(maxDepth, depth);
        done.run();
        depth--;
      } else {
        pending.add(done);
      }
    }

    void completeOne() {
      pending.remove(0).run();
    }
  }

  private final List<Throwable> failures = new ArrayList<>();

  @Test
  void writesOneMessageAtATimeInOrder() {
    Wire wire = new Wire();
    Outbox<String> outbox = new Outbox<>(wire, 10, failures::add);
    outbox.offer("a");
    outbox.offer("b");
    outbox.offer("c");
    assertThat(wire.written).containsExactly("a");
    wire.completeOne();
    assertThat(wire.written).containsExactly("a", "b");
    wire.completeOne();
    wire.completeOne();
    assertThat(wire.written).containsExactly("a", "b", "c");
    assertThat(outbox.sent()).isEqualTo(3);
  }

  @Test
  void waitingProgressOfATaskIsReplacedByTheLatestWhileTerminalStatusesAreKept() {
    Wire wire = new Wire();
    Outbox<String> outbox = new Outbox<>(wire, 10, failures::add);
    outbox.offer("reply");
    outbox.offer("t1 10%", "t1", true);
    outbox.offer("t2 10%", "t2", true);
    outbox.offer("t1 20%", "t1", true);
    outbox.offer("t1 30%", "t1", true);
    outbox.offer("t1 failed", "t1", false);
    outbox.offer("t1 10% again", "t1", true);
    outbox.offer("t1 20% again", "t1", true);
    while (!wire.pending.isEmpty()) {
      wire.completeOne();
    }
    assertThat(wire.written).containsExactly("reply", "t1 30%", "t2 10%", "t1 failed", "t1 20% again");
    assertThat(outbox.merged()).isEqualTo(3);
  }

  @Test
  void aClientTooFarBehindOverflowsOnceAndThenEverythingIsRefused() {
    Wire wire = new Wire();
    Outbox<String> outbox = new Outbox<>(wire, 8, failures::add);
    outbox.offer("in flight");
    for (int i = 0; i < 8; i++) {
      assertThat(outbox.offer("m" + i)).isEqualTo(Outbox.Offer.QUEUED);
    }
    assertThat(outbox.offer("t1 50%", "t1", true)).isEqualTo(Outbox.Offer.OVERFLOW);
    assertThat(outbox.waiting()).isZero();
    assertThat(outbox.offer("later")).isEqualTo(Outbox.Offer.CLOSED);
    wire.completeOne();
    assertThat(wire.written).containsExactly("in flight");
  }

  @Test
  void progressMergedIntoAWaitingSlotDoesNotCountAgainstTheBound() {
    Wire wire = new Wire();
    Outbox<String> outbox = new Outbox<>(wire, 8, failures::add);
    outbox.offer("in flight");
    for (int i = 0; i < 1_000; i++) {
      assertThat(outbox.offer("t1 " + i, "t1", true)).isEqualTo(Outbox.Offer.QUEUED);
    }
    assertThat(outbox.waiting()).isEqualTo(1);
  }

  @Test
  void writesThatCompleteInsideSendDoNotRecurse() {
    Wire wire = new Wire();
    wire.completeAtOnce = true;
    Outbox<String> outbox = new Outbox<>(wire, 100_000, failures::add);
    for (int i = 0; i < 50_000; i++) {
      outbox.offer("m" + i);
    }
    assertThat(wire.written).hasSize(50_000);
    assertThat(wire.maxDepth).isEqualTo(1);
  }

  @Test
  void aFailedWriteClosesTheOutboxAndIsReportedOnce() {
    List<Consumer<Throwable>> failing = new ArrayList<>();
    Outbox<String> outbox = new Outbox<>((text, done, failed) -> failing.add(failed), 10, failures::add);
    outbox.offer("a");
    outbox.offer("b");
    failing.get(0).accept(new java.io.IOException("reset"));
    assertThat(failures).hasSize(1);
    assertThat(outbox.offer("c")).isEqualTo(Outbox.Offer.CLOSED);
    assertThat(failing).hasSize(1);
  }
}
