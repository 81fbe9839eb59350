package ai.clouvel.core.commission.internal;

import ai.clouvel.store.testing.TestStores;

class PostgresPaymentFlowTest extends PaymentFlowContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.POSTGRESQL;
  }
}
