package ai.clouvel.core.pipeline;

import java.time.Duration;

/**
 * Makes one product from one post: fetch the post, summarise its comments, ask for an idea, paint
 * the image, stamp and host it, publish the product and save it. Reports {@link ProgressListener
 * progress} at every stage, and during the image call honest progress from elapsed time and
 * recent call durations. A run's model calls are accounted in the store's usage in one write, once
 * the last of them is answered (or when the run fails). Obtain it from
 * {@link ai.clouvel.core.Clouvel#pipeline()}; it is thread-safe, and runs may overlap.
 */
public interface ProductPipeline {

  /**
   * Makes a product and publishes it at once.
   *
   * @param request what to make
   * @param listener receives progress reports; it may throw
   *     {@link java.util.concurrent.CancellationException} to stop the run at a stage boundary
   * @return the saved product and what it cost
   * @throws PipelineException if no product could be made; {@link PipelineException#isTransient()}
   *     says whether trying again may help
   */
  PipelineResult run(PipelineRequest request, ProgressListener listener);

  /**
   * Returns how long the next image call is expected to take, from recent calls.
   *
   * @return the estimate that progress during the image stage is based on
   */
  Duration imageCallEstimate();
}
