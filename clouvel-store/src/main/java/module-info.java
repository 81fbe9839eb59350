/**
 * The SQL store: every store port of Clouvel on SQLite or PostgreSQL through Jdbi, HikariCP and
 * Flyway, and the PostgreSQL event bus for many nodes. Start with
 * {@link ai.clouvel.store.SqlStore#builder()}.
 */
// Jdbi, Flyway and the PostgreSQL driver ship as automatic modules.
@SuppressWarnings("requires-automatic")
module ai.clouvel.store {
  requires transitive ai.clouvel.core;
  requires java.sql;
  requires org.jdbi.v3.core;
  requires com.zaxxer.hikari;
  requires flyway.core;
  requires org.xerial.sqlitejdbc;
  requires org.postgresql.jdbc;
  requires org.slf4j;

  exports ai.clouvel.store;

  // Flyway reads the migrations through a class loader, which finds resources of a named module only
  // in packages opened to everyone; they hold SQL and no classes.
  opens db.migration;
}
