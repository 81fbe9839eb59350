package ai.clouvel.store;

import ai.clouvel.store.testing.TestStores;

class SqliteTaskQueueTest extends TaskQueueContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.SQLITE;
  }
}
