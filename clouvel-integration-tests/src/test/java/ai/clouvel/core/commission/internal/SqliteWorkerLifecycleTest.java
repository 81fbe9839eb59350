package ai.clouvel.core.commission.internal;

import ai.clouvel.store.testing.TestStores;

class SqliteWorkerLifecycleTest extends WorkerLifecycleContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.SQLITE;
  }
}
