package ai.clouvel.core.event;

import java.util.function.Consumer;

/**
 * Publish/subscribe of {@link ClouvelEvent}s. The default, {@link InMemoryEventBus}, delivers
 * synchronously inside one process; implement this to fan events out across processes.
 */
public interface EventBus {

  /**
   * Delivers an event to every current subscriber. A subscriber that throws does not stop
   * delivery to the others.
   *
   * @param event the event
   */
  void publish(ClouvelEvent event);

  /**
   * Subscribes to every event.
   *
   * @param listener called for each event
   * @return a handle whose {@code close()} unsubscribes
   */
  Subscription subscribe(Consumer<? super ClouvelEvent> listener);

  /**
   * Subscribes to one kind of event.
   *
   * @param type the event type, for example {@code ClouvelEvent.TaskUpdated.class}
   * @param listener called for each event of that type
   * @param <E> the event type
   * @return a handle whose {@code close()} unsubscribes
   */
  default <E extends ClouvelEvent> Subscription subscribe(Class<E> type, Consumer<? super E> listener) {
    return subscribe(event -> {
      if (type.isInstance(event)) {
        listener.accept(type.cast(event));
      }
    });
  }

  /** A subscription; closing it stops delivery. */
  interface Subscription extends AutoCloseable {
    /** Unsubscribes. Never throws; closing twice does nothing. */
    @Override
    void close();
  }
}
