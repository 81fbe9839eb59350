package ai.clouvel.core.commission.internal;

import ai.clouvel.store.testing.TestStores;

class PostgresWorkerLifecycleTest extends WorkerLifecycleContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.POSTGRESQL;
  }
}
