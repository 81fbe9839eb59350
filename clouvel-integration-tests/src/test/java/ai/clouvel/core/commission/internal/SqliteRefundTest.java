package ai.clouvel.core.commission.internal;

import ai.clouvel.store.testing.TestStores;

class SqliteRefundTest extends RefundContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.SQLITE;
  }
}
