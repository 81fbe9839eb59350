package ai.clouvel.core.commission.internal;

import ai.clouvel.store.testing.TestStores;

class PostgresRefundTest extends RefundContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.POSTGRESQL;
  }
}
