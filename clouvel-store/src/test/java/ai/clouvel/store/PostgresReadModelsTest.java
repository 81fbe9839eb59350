package ai.clouvel.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.store.testing.EmbeddedPostgresExtension;
import ai.clouvel.store.testing.TestStores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresReadModelsTest extends ReadModelsContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.POSTGRESQL;
  }

  /** The packed texts' byte lengths are UTF-8's only in a UTF-8 database: another is refused at open. */
  @Test
  void aDatabaseThatDoesNotStoreUtf8IsRefusedWhenOpened(TestStores stores) throws Exception {
    EmbeddedPostgresExtension.Database database = stores.newPostgresDatabase();
    String name = database.jdbcUrl().replaceAll("^.*/([A-Za-z0-9_]+)(\\?.*)?$", "$1");
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + "_latin ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
    }
    String latin = database.jdbcUrl().replace("/" + name, "/" + name + "_latin");
    assertThatThrownBy(() -> SqlStore.builder().databaseUrl(latin).credentials(database.user(), database.password())
        .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("LATIN1").hasMessageContaining("UTF8");
  }
}
