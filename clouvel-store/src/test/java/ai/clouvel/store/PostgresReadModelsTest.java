package ai.clouvel.store;

import ai.clouvel.store.testing.TestStores;

class PostgresReadModelsTest extends ReadModelsContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.POSTGRESQL;
  }
}
