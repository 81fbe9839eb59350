package ai.clouvel.server.ws;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The messages waiting for one client, sent one at a time without ever blocking the caller.
 * Messages are of any type {@code M}: the server queues UTF-8 text already encoded once per event
 * and shared by every subscriber, tests queue strings.
 *
 * <p>{@link #offer} queues a message and, when nothing is being written, hands it to the transport,
 * whose completion sends the next. The queue is bounded: an offer that would pass the bound closes
 * the outbox and reports {@link Offer#OVERFLOW}, and the caller closes the connection. A progress
 * update of a task replaces the one of the same task still waiting (latest wins), so a burst of
 * progress takes one place; any other message (a terminal status, a reply, a broadcast) is never
 * replaced or dropped, and a progress update that follows one of those queues after it.
 */
final class Outbox<M> {

  /** Writes one message; calls {@code done} or {@code failed} exactly once, possibly before returning. */
  interface Transport<M> {
    void send(M message, Runnable done, Consumer<Throwable> failed);
  }

  /** What became of an offered message. */
  enum Offer {
    /** Queued (or merged into a waiting progress update of the same task). */
    QUEUED,
    /** The bound was passed: the outbox is now closed and empty. */
    OVERFLOW,
    /** The outbox was already closed; the message is dropped. */
    CLOSED
  }

  private final Transport<M> transport;
  private final int limit;
  private final Consumer<Throwable> onFailure;
  private final ArrayDeque<Slot<M>> queue = new ArrayDeque<>();
  private final Map<String, Slot<M>> waitingProgress = new HashMap<>();
  private boolean writing;
  private boolean closed;
  private long sent;
  private long merged;

  /**
   * @param transport writes messages
   * @param limit how many messages may wait
   * @param onFailure told once when a write fails (the outbox is closed by then)
   */
  Outbox(Transport<M> transport, int limit, Consumer<Throwable> onFailure) {
    this.transport = transport;
    this.limit = limit;
    this.onFailure = onFailure;
  }

  /**
   * Queues a message that is not about one task's progress: never merged, never dropped while
   * the outbox is open.
   */
  Offer offer(M message) {
    return offer(message, null, false);
  }

  /**
   * Queues a message. When nothing is waiting or being written (the usual case of a client that
   * keeps up) it goes to the transport at once, without taking a place in the queue.
   *
   * @param message the message
   * @param taskId the task it is about, or {@code null}
   * @param progress whether it is a progress update that a later one of the same task may replace
   * @return what became of it
   */
  Offer offer(M message, String taskId, boolean progress) {
    synchronized (this) {
      if (closed) {
        return Offer.CLOSED;
      }
      if (!writing && queue.isEmpty()) {
        writing = true;
      } else {
        if (taskId != null) {
          if (progress) {
            Slot<M> waiting = waitingProgress.get(taskId);
            if (waiting != null) {
              waiting.message = message;
              merged++;
              return Offer.QUEUED;
            }
          } else {
            waitingProgress.remove(taskId);
          }
        }
        if (queue.size() >= limit) {
          close();
          return Offer.OVERFLOW;
        }
        Slot<M> slot = new Slot<>(message, progress ? taskId : null);
        queue.add(slot);
        if (slot.progressOf != null) {
          waitingProgress.put(slot.progressOf, slot);
        }
        message = null;
      }
    }
    if (message == null || write(message)) {
      pump();
    }
    return Offer.QUEUED;
  }

  /** Drops what is waiting and refuses anything more. */
  synchronized void close() {
    closed = true;
    queue.clear();
    waitingProgress.clear();
  }

  /** How many messages are waiting (not counting the one being written). */
  synchronized int waiting() {
    return queue.size();
  }

  /** How many messages were written. */
  synchronized long sent() {
    return sent;
  }

  /** How many progress updates replaced a waiting one instead of queueing. */
  synchronized long merged() {
    return merged;
  }

  /** Writes waiting messages one after another; returns as soon as a write has not completed. */
  private void pump() {
    while (true) {
      Slot<M> next;
      synchronized (this) {
        if (writing || closed) {
          return;
        }
        next = queue.poll();
        if (next == null) {
          return;
        }
        if (next.progressOf != null) {
          waitingProgress.remove(next.progressOf, next);
        }
        writing = true;
      }
      if (!write(next.message)) {
        return;
      }
    }
  }

  /** Hands one message to the transport ({@code writing} is set); true if it completed inside send. */
  private boolean write(M message) {
    Write write = new Write();
    transport.send(message, write::done, write::failed);
    return write.completedBeforeReturn();
  }

  /** One write; completes on any thread, possibly inside {@code Transport.send}. */
  private final class Write {
    private static final int PENDING = 0;
    private static final int RETURNED = 1;
    private static final int COMPLETED = 2;
    private final AtomicInteger state = new AtomicInteger(PENDING);

    void done() {
      synchronized (Outbox.this) {
        writing = false;
        sent++;
      }
      if (!state.compareAndSet(PENDING, COMPLETED)) {
        pump();
      }
    }

    void failed(Throwable error) {
      close();
      synchronized (Outbox.this) {
        writing = false;
      }
      onFailure.accept(error);
    }

    /** True if the write completed inside send, so the caller goes on with the next one. */
    boolean completedBeforeReturn() {
      return !state.compareAndSet(PENDING, RETURNED);
    }
  }

  /** A waiting message; a progress update's text is replaced by a later one of its task. */
  private static final class Slot<M> {
    private M message;
    private final String progressOf;

    Slot(M message, String progressOf) {
      this.message = message;
      this.progressOf = progressOf;
    }
  }
}
