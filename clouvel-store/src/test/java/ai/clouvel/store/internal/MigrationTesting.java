package ai.clouvel.store.internal;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** The store's migrations, configured as the store runs them, for tests that stop at a version. */
final class MigrationTesting {
  private MigrationTesting() {
  }

  static FluentConfiguration flyway(String url, String user, String password, Dialect dialect) {
    return Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
        .placeholders(dialect.migrationPlaceholders());
  }
}
