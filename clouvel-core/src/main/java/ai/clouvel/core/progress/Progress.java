package ai.clouvel.core.progress;

import java.util.Objects;

/**
 * One progress report of a pipeline run.
 *
 * @param stage the stage reached
 * @param percent how far along, 0 to 100
 * @param message a human sentence about what is happening
 */
public record Progress(Stage stage, int percent, String message) {

  /** The progress of something that has not started. */
  public static final Progress QUEUED = new Progress(Stage.QUEUED, 0, "Waiting in the queue");

  public Progress {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(message, "message");
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be between 0 and 100: " + percent);
    }
  }

  /**
   * Returns progress at a stage's own percentage.
   *
   * @param stage the stage
   * @param message what is happening
   * @return the progress
   */
  public static Progress at(Stage stage, String message) {
    return new Progress(stage, stage.percent(), message);
  }
}
