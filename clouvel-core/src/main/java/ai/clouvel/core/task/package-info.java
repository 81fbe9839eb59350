/**
 * Tasks of the durable commission queue.
 *
 * <p><b>To call:</b> read tasks through {@code store.tasks()}; the commission engine creates and
 * works them. <b>To implement:</b> {@link ai.clouvel.core.task.TaskQueue} only when writing a
 * store: claims must be exclusive under concurrency, leases must expire.
 */
package ai.clouvel.core.task;
