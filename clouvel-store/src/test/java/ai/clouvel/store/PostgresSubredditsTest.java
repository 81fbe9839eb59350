package ai.clouvel.store;

import ai.clouvel.store.testing.TestStores;

class PostgresSubredditsTest extends SubredditsContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.POSTGRESQL;
  }
}
