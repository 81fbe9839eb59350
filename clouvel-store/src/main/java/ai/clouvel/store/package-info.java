/**
 * The Clouvel store on SQLite and PostgreSQL. Start with {@link ai.clouvel.store.SqlStore#builder()}.
 */
package ai.clouvel.store;
