/**
 * The contract every store must pass, as public abstract JUnit 5 classes: extend
 * {@link ai.clouvel.test.store.CatalogStoreContract} for a catalog (products, posts, images, usage)
 * or {@link ai.clouvel.test.store.ClouvelStoreContract} for a full store (donations, tasks, gallery,
 * goals, agents, scheduler, transactions too), and say how to open a fresh, empty store.
 */
package ai.clouvel.test.store;
