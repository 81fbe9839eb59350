package ai.clouvel.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.progress.Progress;
import ai.clouvel.core.task.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryEventBusTest {
  private final InMemoryEventBus bus = new InMemoryEventBus();

  private static ClouvelEvent.TaskUpdated update(String taskId) {
    return new ClouvelEvent.TaskUpdated(taskId, TaskStatus.IN_PROGRESS, Progress.QUEUED, null, null,
        Instant.parse("2026-11-24T12:00:00Z"));
  }

  @Test
  void deliversToEverySubscriberUntilTheyUnsubscribe() {
    List<ClouvelEvent> first = new ArrayList<>();
    List<ClouvelEvent> second = new ArrayList<>();
    EventBus.Subscription a = bus.subscribe(first::add);
    bus.subscribe(second::add);
    bus.publish(update("t1"));
    a.close();
    a.close();
    bus.publish(update("t2"));
    assertThat(first).extracting(e -> ((ClouvelEvent.TaskUpdated) e).taskId()).containsExactly("t1");
    assertThat(second).extracting(e -> ((ClouvelEvent.TaskUpdated) e).taskId()).containsExactly("t1", "t2");
    assertThat(bus.subscriberCount()).isEqualTo(1);
  }

  @Test
  void aThrowingSubscriberDoesNotStopTheOthers() {
    List<ClouvelEvent> received = new ArrayList<>();
    bus.subscribe(e -> {
      throw new IllegalStateException("boom");
    });
    bus.subscribe(received::add);
    bus.publish(update("t1"));
    assertThat(received).hasSize(1);
  }

  @Test
  void typedSubscriptionsSeeOnlyTheirType() {
    List<ClouvelEvent.TaskCreated> created = new ArrayList<>();
    bus.subscribe(ClouvelEvent.TaskCreated.class, created::add);
    bus.publish(update("t1"));
    assertThat(created).isEmpty();
  }
}
