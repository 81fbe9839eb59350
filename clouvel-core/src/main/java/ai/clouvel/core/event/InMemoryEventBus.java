package ai.clouvel.core.event;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EventBus} that calls its subscribers synchronously, on the publishing thread, in
 * subscription order. Subscribers should be quick; a subscriber that throws is logged and skipped.
 */
public final class InMemoryEventBus implements EventBus {
  private static final Logger log = LoggerFactory.getLogger(InMemoryEventBus.class);

  private final CopyOnWriteArrayList<Consumer<? super ClouvelEvent>> listeners =
      new CopyOnWriteArrayList<>();

  /** Creates a bus without subscribers. */
  public InMemoryEventBus() {
  }

  @Override
  public void publish(ClouvelEvent event) {
    for (Consumer<? super ClouvelEvent> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        log.warn("Event subscriber failed on {}", event.getClass().getSimpleName(), e);
      }
    }
  }

  @Override
  public Subscription subscribe(Consumer<? super ClouvelEvent> listener) {
    // Wrap so that subscribing the same listener twice yields two independent subscriptions.
    Consumer<? super ClouvelEvent> entry = listener::accept;
    listeners.add(entry);
    return () -> listeners.remove(entry);
  }

  /**
   * Returns how many subscriptions are open.
   *
   * @return the number of subscribers
   */
  public int subscriberCount() {
    return listeners.size();
  }
}
