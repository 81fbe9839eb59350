package ai.clouvel.core.commission.internal;

import ai.clouvel.store.testing.TestStores;

class SqliteWorkerTest extends WorkerContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.SQLITE;
  }
}
