package ai.clouvel.commission;

import ai.clouvel.store.testing.TestStores;

class SqliteCommissionOwnershipTest extends CommissionOwnershipContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.SQLITE;
  }
}
