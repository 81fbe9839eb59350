/**
 * The store ports. {@link ai.clouvel.core.store.CatalogStore} is what the pipeline needs;
 * {@code clouvel-store} implements every port on SQLite and PostgreSQL.
 */
package ai.clouvel.core.store;
