package ai.clouvel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void defaultsToTheEmbeddedSqliteFile() {
    DatabaseUrl url = DatabaseUrl.parse(null);
    assertThat(url.kind()).isEqualTo(DatabaseUrl.Kind.SQLITE);
    assertThat(url.sqliteFile()).isEqualTo(Path.of("data", "clouvel.db"));
    assertThat(DatabaseUrl.parse("  ")).isEqualTo(url);
  }

  @Test
  void readsSqliteForms() {
    assertThat(DatabaseUrl.parse("sqlite:tmp/x.db").sqliteFile()).isEqualTo(Path.of("tmp/x.db"));
    assertThat(DatabaseUrl.parse("sqlite:///var/lib/x.db").sqliteFile()).isEqualTo(Path.of("/var/lib/x.db"));
    assertThat(DatabaseUrl.parse("jdbc:sqlite:/tmp/y.db").jdbcUrl()).isEqualTo("jdbc:sqlite:/tmp/y.db");
    assertThatThrownBy(() -> DatabaseUrl.parse("sqlite::memory:")).hasMessageContaining("in-memory");
  }

  @Test
  void splitsCredentialsOutOfPostgresUrls() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://clouvel:s%40cret@db.internal:5433/prod?sslmode=require");
    assertThat(url.kind()).isEqualTo(DatabaseUrl.Kind.POSTGRESQL);
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/prod?sslmode=require");
    assertThat(url.username()).isEqualTo("clouvel");
    assertThat(url.password()).isEqualTo("s@cret");
    assertThat(url.describe()).isEqualTo("postgresql://db.internal:5433/prod");
    assertThat(url.toString()).doesNotContain("s@cret").doesNotContain("s%40cret");
    assertThat(DatabaseUrl.parse("postgres://u:p@h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
  }

  @Test
  void acceptsJdbcPostgresAsIsAndRejectsTheRest() {
    assertThat(DatabaseUrl.parse("jdbc:postgresql://h:5432/db?user=a").jdbcUrl())
        .isEqualTo("jdbc:postgresql://h:5432/db?user=a");
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://h/db")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h")).isInstanceOf(IllegalArgumentException.class);
  }
}
