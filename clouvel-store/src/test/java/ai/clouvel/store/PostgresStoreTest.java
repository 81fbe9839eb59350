package ai.clouvel.store;

import ai.clouvel.store.testing.TestStores;

class PostgresStoreTest extends SqlStoreContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.POSTGRESQL;
  }
}
