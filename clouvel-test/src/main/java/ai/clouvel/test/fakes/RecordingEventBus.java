package ai.clouvel.test.fakes;

import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.event.EventBus;
import ai.clouvel.core.event.InMemoryEventBus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** An in-memory {@link EventBus} that also records every event published. Thread-safe. */
public final class RecordingEventBus implements EventBus {
  private final InMemoryEventBus bus = new InMemoryEventBus();
  private final List<ClouvelEvent> published = new CopyOnWriteArrayList<>();

  @Override
  public void publish(ClouvelEvent event) {
    published.add(event);
    bus.publish(event);
  }

  @Override
  public Subscription subscribe(Consumer<? super ClouvelEvent> listener) {
    return bus.subscribe(listener);
  }

  /**
   * Returns every event published, in order.
   *
   * @return the events
   */
  public List<ClouvelEvent> published() {
    return List.copyOf(published);
  }

  /**
   * Returns the events of one type published, in order.
   *
   * @param type the type, for example a record of {@link ClouvelEvent}
   * @param <E> the type
   * @return the events
   */
  public <E extends ClouvelEvent> List<E> published(Class<E> type) {
    return published.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
