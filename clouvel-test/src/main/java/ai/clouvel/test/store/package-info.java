/**
 * The contract every store must pass, as public abstract JUnit 5 classes: extend
 * {@link ai.clouvel.test.store.CatalogStoreContract} for a catalog (products, posts, images, usage)
 * or {@link ai.clouvel.test.store.ClouvelStoreContract} for a full store (the task queue, donations,
 * gallery, goals, agents, scheduler, transactions too; the queue's part is
 * {@link ai.clouvel.test.store.TaskQueueContract}), and say how to open a fresh, empty store.
 */
package ai.clouvel.test.store;
