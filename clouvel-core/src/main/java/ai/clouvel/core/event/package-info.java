/**
 * Events: what happened to tasks, products and donations, as {@link ai.clouvel.core.event.ClouvelEvent}s.
 *
 * <p><b>To call:</b> {@code clouvel.events().subscribe(...)} to follow progress.
 * <b>To implement:</b> {@link ai.clouvel.core.event.EventBus} to carry events between processes
 * ({@code clouvel-store} has one on PostgreSQL LISTEN/NOTIFY); one process needs none, the
 * default is {@link ai.clouvel.core.event.InMemoryEventBus}.
 */
package ai.clouvel.core.event;
