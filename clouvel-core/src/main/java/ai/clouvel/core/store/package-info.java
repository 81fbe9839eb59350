/**
 * Storage, as one object per kind of store.
 *
 * <p><b>To call:</b> pass a store to {@code Clouvel.builder().build(...)}: a
 * {@link ai.clouvel.core.store.CatalogStore} (products, posts, images, usage) for the pipeline, or
 * a {@link ai.clouvel.core.store.ClouvelStore} (also donations, tasks, goals, agents, the
 * scheduler, and transactions) for commissions. {@code clouvel-store}'s {@code SqlStore} is one
 * on SQLite and PostgreSQL; {@link ai.clouvel.core.store.InMemoryCatalogStore} is the in-memory
 * catalog. <b>To implement:</b> your own store implements these interfaces from the repositories
 * of the concept packages, and proves itself with the store contract suite of {@code clouvel-test}.
 */
package ai.clouvel.core.store;
