package ai.clouvel.store.internal;

import ai.clouvel.core.paging.Page;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.store.DuplicateKeyException;
import ai.clouvel.core.store.StorageUnavailableException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Access to the database for the repositories. Reads go to the reader pool and writes to the
 * writer pool (the same pool on PostgreSQL; on SQLite a single writer connection and several
 * read-only ones). Inside a transaction everything goes through the transaction's handle.
 */
public final class Db {
  private final Jdbi writer;
  private final Jdbi reader;
  private final Handle transaction;
  private final Dialect dialect;
  private final Clock clock;

  /**
   * Creates the access.
   *
   * @param pools the open pools
   * @param clock the clock that stamps rows
   */
  public Db(Pools pools, Clock clock) {
    this(pools.writer(), pools.reader(), null, pools.dialect(), clock);
  }

  private Db(Jdbi writer, Jdbi reader, Handle transaction, Dialect dialect, Clock clock) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.transaction = transaction;
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  Dialect dialect() {
    return dialect;
  }

  /**
   * Gives a paged statement (its SQL ends in {@code LIMIT <limit> OFFSET <offset>}) its page.
   *
   * <p>On PostgreSQL the numbers are written into the SQL. Bound, they leave the plan PostgreSQL
   * keeps for a prepared statement (its generic plan) to guess a tenth of the rows for each: for the
   * gallery a hash join over every product, which loses to the plan made for the values, so the
   * statement was planned again at every execution (more of a page's cost than reading it). With
   * the numbers in the text, the kept plan is the plan for those values and PostgreSQL stops
   * planning a page once the driver has prepared it on the server, which the store's pool has it do
   * at a statement's first execution on a connection ({@code PostgresPlanCacheTest}). The texts are
   * one per page asked for: the driver keeps the most recently used prepared (up to 256 per
   * connection, so a client walking every offset holds at most 256 plans on each connection) and
   * prepares a page it has let go again when it is next asked for. SQLite
   * keeps no plans, only compiled statements (a few dozen per connection), so there the numbers
   * stay bound and every page is one text.
   *
   * @param statement the statement
   * @param page the page
   * @param <T> the statement's type
   * @return the statement
   */
  <T extends SqlStatement<T>> T page(T statement, PageRequest page) {
    return number(number(statement, "limit", page.limit()), "offset", page.offset());
  }

  /**
   * Gives a statement a count that shapes its plan ({@code <name>} in its SQL: a page's limit or
   * offset, a claim's batch size): written into the SQL on PostgreSQL, bound on SQLite, for the
   * reasons {@link #page} gives.
   *
   * @param statement the statement
   * @param name the attribute's name
   * @param value the count
   * @param <T> the statement's type
   * @return the statement
   */
  <T extends SqlStatement<T>> T number(T statement, String name, int value) {
    if (dialect == Dialect.POSTGRESQL) {
      return statement.define(name, value);
    }
    return statement.define(name, ":" + name).bind(name, value);
  }

  /**
   * Binds a value that picks one of two texts of a statement: a {@code null} leaves its condition
   * out of the SQL, so it is not bound.
   *
   * @param statement the statement
   * @param name the parameter's name
   * @param value the value, or {@code null}
   * @param <T> the statement's type
   * @return the statement
   */
  static <T extends SqlStatement<T>> T bindUnlessNull(T statement, String name, Object value) {
    return value == null ? statement : statement.bind(name, value);
  }

  /**
   * A page of a table's rows, newest first ({@code created_at DESC, id DESC}), of one status or of
   * all, with the number of rows it is a page of. Two texts, with the status and without, rather
   * than {@code (:status IS NULL OR status = :status)}, which no single kept plan reads well.
   *
   * @param table the table, with {@code status}, {@code created_at} and {@code id} columns
   * @param status the status's wire name, or {@code null} for all
   * @param page the page
   * @param mapper maps a row
   * @param <T> the item type
   * @return the page
   */
  <T> Page<T> newestByStatus(String table, String status, PageRequest page, RowMapper<T> mapper) {
    String where = status == null ? "" : " WHERE status = :status";
    return read(h -> {
      long total = bindUnlessNull(h.createQuery("SELECT COUNT(*) FROM " + table + where), "status", status)
          .mapTo(Long.class).one();
      List<T> items = page(bindUnlessNull(h.createQuery("SELECT * FROM " + table + where
          + " ORDER BY created_at DESC, id DESC LIMIT <limit> OFFSET <offset>"), "status", status), page)
          .map(mapper).list();
      return Page.of(items, total, page);
    });
  }

  /**
   * Returns the store clock's time.
   *
   * @return epoch milliseconds
   */
  public long now() {
    return clock.millis();
  }

  Clock clock() {
    return clock;
  }

  <T> T read(HandleCallback<T, RuntimeException> work) {
    try {
      return transaction != null ? work.withHandle(transaction) : reader.withHandle(work);
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  <T> T write(HandleCallback<T, RuntimeException> work) {
    try {
      return transaction != null ? work.withHandle(transaction) : writer.withHandle(work);
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /** Runs several statements as one write: in the caller's transaction, or a transaction of their own. */
  <T> T writeAtomically(HandleCallback<T, RuntimeException> work) {
    return inTransaction(tx -> tx.write(work));
  }

  /**
   * Runs work in one transaction on the writer; nested calls join the outer transaction.
   *
   * @param work the work, given a {@code Db} bound to the transaction
   * @param <T> the result type
   * @return the work's result
   */
  public <T> T inTransaction(Function<Db, T> work) {
    if (transaction != null) {
      return work.apply(this);
    }
    try {
      return writer.inTransaction(handle -> work.apply(new Db(writer, reader, handle, dialect, clock)));
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /**
   * Turns unique-key violations of either database into {@link DuplicateKeyException}, and every
   * other database failure into {@link StorageUnavailableException}; the application's own
   * exceptions, thrown inside a transaction, pass through.
   */
  static RuntimeException translate(RuntimeException e) {
    if (e instanceof DuplicateKeyException || e instanceof StorageUnavailableException) {
      return e;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && isUniqueViolation(sql)) {
        return new DuplicateKeyException("duplicate key: " + firstLine(sql.getMessage()), e);
      }
    }
    if (e instanceof JdbiException) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      return new StorageUnavailableException("the database failed: " + root.getClass().getSimpleName()
          + ": " + firstLine(root.getMessage()), e);
    }
    return e;
  }

  private static boolean isUniqueViolation(SQLException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    return "23505".equals(e.getSQLState())
        || message.contains("UNIQUE constraint failed")
        || message.contains("PRIMARY KEY constraint failed");
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
