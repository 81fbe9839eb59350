package ai.clouvel.core.commission.internal;

import ai.clouvel.store.testing.TestStores;

class SqlitePaymentFlowTest extends PaymentFlowContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.SQLITE;
  }
}
