package ai.clouvel.commission;

import ai.clouvel.store.testing.TestStores;

class PostgresCommissionOwnershipTest extends CommissionOwnershipContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.POSTGRESQL;
  }
}
