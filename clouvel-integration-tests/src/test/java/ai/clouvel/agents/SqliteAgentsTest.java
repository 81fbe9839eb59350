package ai.clouvel.agents;

import ai.clouvel.store.testing.TestStores;

class SqliteAgentsTest extends AgentsContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.SQLITE;
  }
}
