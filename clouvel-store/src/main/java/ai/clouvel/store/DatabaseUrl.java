package ai.clouvel.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A parsed {@code DATABASE_URL}. Accepts:
 *
 * <ul>
 *   <li>nothing (null or blank): the embedded default, SQLite at {@code ./data/clouvel.db};
 *   <li>{@code sqlite:path/to/file.db}, {@code sqlite:///absolute/path.db} or
 *       {@code jdbc:sqlite:path/to/file.db};
 *   <li>{@code postgresql://user:password@host:5432/db} (also {@code postgres://}), the form
 *       hosting providers hand out;
 *   <li>{@code jdbc:postgresql://host:5432/db?user=...}.
 * </ul>
 *
 * @param kind which database
 * @param jdbcUrl the JDBC address, without credentials for PostgreSQL URLs that carried them
 * @param username the user, or {@code null}
 * @param password the password, or {@code null}; never printed by {@link #toString()}
 * @param sqliteFile the database file, or {@code null} for PostgreSQL
 */
public record DatabaseUrl(Kind kind, String jdbcUrl, String username, String password, Path sqliteFile) {

  /** The default SQLite file. */
  public static final Path DEFAULT_SQLITE_FILE = Path.of("data", "clouvel.db");

  /** The supported databases. */
  public enum Kind {
    /** SQLite, embedded, one file. */
    SQLITE,
    /** PostgreSQL. */
    POSTGRESQL
  }

  public DatabaseUrl {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
  }

  /**
   * Parses a database URL.
   *
   * @param url the URL, or {@code null} for the default SQLite file
   * @return the parsed URL
   * @throws IllegalArgumentException if the URL is of no supported form
   */
  public static DatabaseUrl parse(String url) {
    if (url == null || url.isBlank()) {
      return sqlite(DEFAULT_SQLITE_FILE);
    }
    String text = url.strip();
    if (text.startsWith("jdbc:sqlite:")) {
      return sqlite(Path.of(text.substring("jdbc:sqlite:".length())));
    }
    if (text.startsWith("sqlite:")) {
      String rest = text.substring("sqlite:".length());
      return sqlite(Path.of(rest.startsWith("//") ? rest.substring(2) : rest));
    }
    if (text.startsWith("jdbc:postgresql://")) {
      return new DatabaseUrl(Kind.POSTGRESQL, text, null, null, null);
    }
    if (text.startsWith("postgresql://") || text.startsWith("postgres://")) {
      return postgres(text);
    }
    throw new IllegalArgumentException("unsupported database URL; use sqlite:<file>, "
        + "postgresql://user:password@host:port/db or jdbc:postgresql://...");
  }

  /**
   * Returns the URL of a SQLite file.
   *
   * @param file the database file
   * @return the URL
   */
  public static DatabaseUrl sqlite(Path file) {
    if (file.toString().isBlank() || file.toString().equals(":memory:")) {
      throw new IllegalArgumentException("SQLite needs a file; in-memory databases are not supported");
    }
    return new DatabaseUrl(Kind.SQLITE, "jdbc:sqlite:" + file, null, null, file);
  }

  private static DatabaseUrl postgres(String text) {
    try {
      URI uri = new URI(text);
      String user = null;
      String password = null;
      if (uri.getRawUserInfo() != null) {
        String[] parts = uri.getRawUserInfo().split(":", 2);
        user = decode(parts[0]);
        password = parts.length > 1 ? decode(parts[1]) : null;
      }
      if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
        throw new IllegalArgumentException("a PostgreSQL URL needs a host and a database name");
      }
      String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
      String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
      String jdbc = "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query;
      return new DatabaseUrl(Kind.POSTGRESQL, jdbc, user, password, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("malformed PostgreSQL URL", e);
    }
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  /**
   * Describes the database without credentials.
   *
   * @return for example {@code "sqlite:data/clouvel.db"} or {@code "postgresql://db:5432/clouvel"}
   */
  public String describe() {
    if (kind == Kind.SQLITE) {
      return "sqlite:" + sqliteFile;
    }
    String withoutPrefix = jdbcUrl.substring("jdbc:".length());
    int query = withoutPrefix.indexOf('?');
    return query < 0 ? withoutPrefix : withoutPrefix.substring(0, query);
  }

  @Override
  public String toString() {
    return "DatabaseUrl[" + describe() + (username != null ? ", user=" + username : "") + "]";
  }
}
