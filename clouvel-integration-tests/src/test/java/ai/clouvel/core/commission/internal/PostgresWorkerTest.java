package ai.clouvel.core.commission.internal;

import ai.clouvel.store.testing.TestStores;

class PostgresWorkerTest extends WorkerContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.POSTGRESQL;
  }
}
