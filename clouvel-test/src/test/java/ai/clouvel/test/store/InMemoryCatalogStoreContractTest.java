package ai.clouvel.test.store;

import ai.clouvel.core.store.CatalogStore;
import ai.clouvel.core.store.InMemoryCatalogStore;
import java.time.Clock;

/** Clouvel's in-memory catalog passes the catalog contract, as any user's catalog must. */
class InMemoryCatalogStoreContractTest extends CatalogStoreContract {
  @Override
  protected CatalogStore openStore(Clock clock) {
    return new InMemoryCatalogStore(clock);
  }
}
