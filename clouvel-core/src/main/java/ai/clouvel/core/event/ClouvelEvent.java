package ai.clouvel.core.event;

import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.progress.Progress;
import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskStatus;
import java.time.Instant;
import java.util.Objects;

/** Something that happened, published on the {@link EventBus}. */
public sealed interface ClouvelEvent {

  /**
   * Returns when it happened.
   *
   * @return the time
   */
  Instant at();

  /**
   * A task was enqueued.
   *
   * @param task the new task
   * @param at when
   */
  record TaskCreated(Task task, Instant at) implements ClouvelEvent {
    public TaskCreated {
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * A task changed status or made progress.
   *
   * @param taskId the task
   * @param status its status now
   * @param progress its progress now
   * @param productId the product it made, or {@code null}
   * @param error the error that failed it, or {@code null}
   * @param at when
   */
  record TaskUpdated(String taskId, TaskStatus status, Progress progress, Long productId,
      String error, Instant at) implements ClouvelEvent {
    public TaskUpdated {
      Objects.requireNonNull(taskId, "taskId");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(progress, "progress");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * A product was made and saved.
   *
   * @param product the product
   * @param at when
   */
  record ProductCreated(Product product, Instant at) implements ClouvelEvent {
    public ProductCreated {
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * A donation was recorded or changed status (paid, refund pending, refunded).
   *
   * @param donation the donation as it is now
   * @param at when
   */
  record DonationUpdated(Donation donation, Instant at) implements ClouvelEvent {
    public DonationUpdated {
      Objects.requireNonNull(donation, "donation");
      Objects.requireNonNull(at, "at");
    }
  }
}
