/**
 * The product pipeline: fetch the post, summarise its comments, idea, image, stamp and host,
 * publish, save, reporting {@link ai.clouvel.core.progress.Progress} at every stage.
 *
 * <p><b>To call:</b> {@code clouvel.pipeline().run(request, listener)} with a
 * {@link ai.clouvel.core.pipeline.PipelineRequest} built from a
 * {@link ai.clouvel.core.pipeline.PostSelection}. <b>To implement:</b>
 * {@link ai.clouvel.core.pipeline.ProgressListener}, usually a lambda; the pipeline itself is
 * wired by {@code Clouvel} from the ports.
 */
package ai.clouvel.core.pipeline;
