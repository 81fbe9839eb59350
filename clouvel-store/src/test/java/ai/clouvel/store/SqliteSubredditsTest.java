package ai.clouvel.store;

import ai.clouvel.store.testing.TestStores;

class SqliteSubredditsTest extends SubredditsContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.SQLITE;
  }
}
