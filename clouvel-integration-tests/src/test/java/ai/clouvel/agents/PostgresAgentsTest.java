package ai.clouvel.agents;

import ai.clouvel.store.testing.TestStores;

class PostgresAgentsTest extends AgentsContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.POSTGRESQL;
  }
}
