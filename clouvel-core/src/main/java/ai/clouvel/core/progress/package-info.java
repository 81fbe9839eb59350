/**
 * How far a product is: the {@link ai.clouvel.core.progress.Stage}s of the pipeline and the
 * {@link ai.clouvel.core.progress.Progress} that the pipeline reports, tasks persist and events
 * carry. Kept apart from the pipeline so that tasks and events can name progress without
 * depending on the pipeline's machinery.
 */
package ai.clouvel.core.progress;
