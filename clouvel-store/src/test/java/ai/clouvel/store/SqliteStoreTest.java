package ai.clouvel.store;

import ai.clouvel.store.testing.TestStores;

class SqliteStoreTest extends SqlStoreContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.SQLITE;
  }
}
