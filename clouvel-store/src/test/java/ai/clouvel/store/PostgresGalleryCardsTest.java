package ai.clouvel.store;

import ai.clouvel.store.testing.TestStores;

class PostgresGalleryCardsTest extends GalleryCardsContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.POSTGRESQL;
  }
}
