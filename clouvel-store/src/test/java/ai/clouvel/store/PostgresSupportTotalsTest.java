package ai.clouvel.store;

import ai.clouvel.store.testing.TestStores;

class PostgresSupportTotalsTest extends SupportTotalsContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.POSTGRESQL;
  }
}
