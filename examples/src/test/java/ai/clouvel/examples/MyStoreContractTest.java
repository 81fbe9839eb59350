package ai.clouvel.examples;

import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.store.SqlStore;
import ai.clouvel.test.store.ClouvelStoreContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a user proves their store keeps Clouvel's contract: extend the kit's suite and open a fresh
 * store. Here the store is {@link SqlStore} on a SQLite file; a user's own {@link ClouvelStore}
 * (in memory, on another database) extends the same class.
 */
class MyStoreContractTest extends ClouvelStoreContract {
  @TempDir
  Path directory;

  @Override
  protected ClouvelStore openStore(Clock clock) {
    return SqlStore.builder().databaseUrl("sqlite:" + directory.resolve("my-store.db")).clock(clock).build();
  }
}
