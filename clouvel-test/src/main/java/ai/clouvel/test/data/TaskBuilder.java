package ai.clouvel.test.data;

import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.task.CommissionSpec;
import ai.clouvel.core.task.NewTask;
import java.time.Instant;
import java.util.UUID;

/** Stand-in. */
public final class TaskBuilder {
  /** Stand-in. */
  public static final CommissionSpec DEFAULT_SPEC =
      new CommissionSpec(CommissionType.RANDOM_RANDOM, null, null, ImageQuality.STANDARD, "");
  private String id = UUID.randomUUID().toString();
  private Long donation;
  private CommissionSpec spec = DEFAULT_SPEC;
  private int maxAttempts = 3;
  private Instant runAt;

  private TaskBuilder(Instant runAt) {
    this.runAt = runAt;
  }

  /** @param runAt r @return stand-in */ public static TaskBuilder task(Instant runAt) { return new TaskBuilder(runAt); }
  /** @param v v @return this */ public TaskBuilder donation(Long v) { donation = v; return this; }
  /** @param v v @return this */ public TaskBuilder id(String v) { id = v; return this; }
  /** @param v v @return this */ public TaskBuilder maxAttempts(int v) { maxAttempts = v; return this; }
  /** @param v v @return this */ public TaskBuilder runAt(Instant v) { runAt = v; return this; }
  /** @param v v @return this */ public TaskBuilder spec(CommissionSpec v) { spec = v; return this; }
  /** @param v v @return this */
  public TaskBuilder subreddit(String v) {
    spec = new CommissionSpec(CommissionType.RANDOM_SUBREDDIT, v, null, ImageQuality.STANDARD, "");
    return this;
  }
  /** @return stand-in */ public NewTask build() { return new NewTask(id, donation, spec, maxAttempts, runAt); }
}
