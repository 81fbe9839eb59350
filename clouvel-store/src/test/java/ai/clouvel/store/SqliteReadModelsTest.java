package ai.clouvel.store;

import ai.clouvel.store.testing.TestStores;

class SqliteReadModelsTest extends ReadModelsContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.SQLITE;
  }
}
