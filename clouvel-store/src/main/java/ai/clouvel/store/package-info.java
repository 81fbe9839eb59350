/**
 * The Clouvel store on SQLite and PostgreSQL.
 *
 * <p><b>To call:</b> {@link ai.clouvel.store.SqlStore#builder()} (or {@code SqlStore.open(url)}),
 * then pass the store to {@code Clouvel.builder().build(store)}; on PostgreSQL with several nodes,
 * also a {@link ai.clouvel.store.PostgresEventBus}. <b>To implement:</b> nothing; a store of your
 * own implements {@code ai.clouvel.core.store.ClouvelStore}.
 */
package ai.clouvel.store;
