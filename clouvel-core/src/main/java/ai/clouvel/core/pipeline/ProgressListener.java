package ai.clouvel.core.pipeline;

import ai.clouvel.core.progress.Progress;

/**
 * Receives the progress reports of a pipeline run, in order, on the thread doing the work
 * (image-call ticks arrive on the ticker's thread).
 */
@FunctionalInterface
public interface ProgressListener {

  /**
   * Called for each report. Exceptions thrown here are logged and otherwise ignored.
   *
   * @param progress the report
   */
  void onProgress(Progress progress);

  /**
   * Returns a listener that ignores every report.
   *
   * @return the silent listener
   */
  static ProgressListener none() {
    return progress -> { };
  }
}
