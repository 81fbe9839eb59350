package ai.clouvel.core.commission.internal;

import ai.clouvel.store.testing.TestStores;

class SqliteCommissionOwnershipTest extends CommissionOwnershipContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.SQLITE;
  }
}
