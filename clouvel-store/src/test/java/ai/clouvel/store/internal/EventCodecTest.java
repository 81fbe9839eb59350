package ai.clouvel.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.progress.Progress;
import ai.clouvel.core.progress.Stage;
import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.store.SqlStore;
import ai.clouvel.test.data.TaskBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventCodecTest {
  @TempDir
  Path directory;

  @Test
  void aTaskUpdateRoundTripsWithEveryCharacterAndNullField() {
    try (SqlStore store = SqlStore.open("sqlite:" + directory.resolve("codec.db"))) {
      ClouvelEvent.TaskUpdated update = new ClouvelEvent.TaskUpdated("t&1=|%", TaskStatus.FAILED,
          new Progress(Stage.FAILED, 0, "Ünïcode & = | % + \n done"), null, "boom & bust = 100%",
          Instant.ofEpochMilli(1_764_000_000_123L));
      ClouvelEvent.TaskUpdated progress = new ClouvelEvent.TaskUpdated("t2", TaskStatus.COMPLETED,
          Progress.at(Stage.COMMISSION_COMPLETE, "ready"), 42L, null, Instant.ofEpochMilli(5));

      assertThat(EventCodec.decode(EventCodec.encode(update), store)).contains(update);
      assertThat(EventCodec.decode(EventCodec.encode(progress), store)).contains(progress);
    }
  }

  @Test
  void referencedEventsAreReadFromTheStoreAndVanishWhenTheRowIsGone() {
    Clock clock = Clock.systemUTC();
    try (SqlStore store = SqlStore.open("sqlite:" + directory.resolve("refs.db"))) {
      Task task = store.tasks().enqueue(TaskBuilder.task(clock.instant()).build());
      String encoded = EventCodec.encode(new ClouvelEvent.TaskCreated(task, Instant.ofEpochMilli(7)));

      assertThat(encoded).doesNotContain("random_random").hasSizeLessThan(120);
      Optional<ClouvelEvent> decoded = EventCodec.decode(encoded, store);
      assertThat(decoded).get().isInstanceOfSatisfying(ClouvelEvent.TaskCreated.class, created -> {
        assertThat(created.task().id()).isEqualTo(task.id());
        assertThat(created.at()).isEqualTo(Instant.ofEpochMilli(7));
      });
      assertThat(EventCodec.decode("t=product_created&product=999&at=1", store)).isEmpty();
      assertThat(EventCodec.decode("t=donation_updated&donation=999&at=1", store)).isEmpty();
    }
  }

  @Test
  void malformedTextIsRefusedClearly() {
    try (SqlStore store = SqlStore.open("sqlite:" + directory.resolve("bad.db"))) {
      assertThatThrownBy(() -> EventCodec.decode("t=task_updated&at=1", store))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("malformed event: task missing");
      assertThatThrownBy(() -> EventCodec.decode("t=mystery&at=1", store))
          .hasMessage("malformed event: type mystery");
      assertThatThrownBy(() -> EventCodec.decode("t=product_created&product=x&at=1", store))
          .hasMessageContaining("a number is not one");
      assertThatThrownBy(() -> EventCodec.decode("t=task_updated&task=a&status=zombie&stage=queued&percent=1"
          + "&message=m&at=1", store)).hasMessage("malformed event: status");
    }
  }
}
