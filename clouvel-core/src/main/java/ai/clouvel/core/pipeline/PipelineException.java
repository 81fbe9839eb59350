package ai.clouvel.core.pipeline;

import ai.clouvel.core.progress.Stage;
import ai.clouvel.core.provider.ProviderException;

/**
 * A pipeline run failed. Says at which stage, and whether trying again later may succeed.
 */
public class PipelineException extends RuntimeException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** The stage. */
  private final Stage stage;
  /** The transient failure. */
  private final boolean transientFailure;

  /**
   * Creates the exception.
   *
   * @param stage the stage that failed
   * @param message what went wrong, safe to show to users
   * @param transientFailure whether a later attempt may succeed
   * @param cause the underlying failure, or {@code null}
   */
  public PipelineException(Stage stage, String message, boolean transientFailure, Throwable cause) {
    super(message, cause);
    this.stage = stage;
    this.transientFailure = transientFailure;
  }

  /**
   * Wraps a failure of a step, classifying it: provider exceptions say themselves whether they
   * are transient; anything else is treated as permanent.
   *
   * @param stage the stage that failed
   * @param cause the failure
   * @return the wrapped failure
   */
  public static PipelineException wrap(Stage stage, RuntimeException cause) {
    if (cause instanceof PipelineException pipeline) {
      return pipeline;
    }
    boolean retry = cause instanceof ProviderException provider && provider.isTransient();
    String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new PipelineException(stage, "Failed at " + stage.wireName() + ": " + detail, retry, cause);
  }

  /**
   * Returns the stage that failed.
   *
   * @return the stage
   */
  public Stage stage() {
    return stage;
  }

  /**
   * Tells whether trying again later may succeed (rate limits, outages, timeouts).
   *
   * @return {@code true} for transient failures
   */
  public boolean isTransient() {
    return transientFailure;
  }
}
