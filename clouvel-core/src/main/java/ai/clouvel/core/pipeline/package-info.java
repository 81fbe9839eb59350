/**
 * The product pipeline: fetch post, summarise comments, idea, image, stamp and host, publish,
 * save, reporting {@link ai.clouvel.core.progress.Progress} at every stage.
 */
package ai.clouvel.core.pipeline;
