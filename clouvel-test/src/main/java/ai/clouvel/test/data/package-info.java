/**
 * Test data for code built on Clouvel: values that are valid by default, so a test spells out only
 * what it is about, and a helper that writes them into a store.
 *
 * <ul>
 *   <li>{@link ai.clouvel.test.data.DonationBuilder} builds a
 *       {@link ai.clouvel.core.donation.NewDonation}: a commission or a support, paid through a
 *       test gateway, by a known donor, with a random payment id unless you set one.
 *   <li>{@link ai.clouvel.test.data.TaskBuilder} builds a {@link ai.clouvel.core.task.NewTask}
 *       for the task queue.
 *   <li>{@link ai.clouvel.test.data.TestData} writes posts, products, donations and tasks through a
 *       store's ports (donations and tasks need a {@link ai.clouvel.core.store.ClouvelStore}), and
 *       builds posts and products for fakes without storing them.
 * </ul>
 *
 * <pre>{@code
 * TestData data = new TestData(store, clock);
 * Product product = data.product("1h1k01", "hiking", clock.instant());
 * Donation commission = data.commission("cs_test_1", 2500, "hiking");
 * Donation refunded = store.donations().insert(DonationBuilder.commission()
 *     .amountCents(2500)
 *     .status(DonationStatus.REFUNDED)
 *     .build());
 * }</pre>
 *
 * <p>The store contract suites ({@link ai.clouvel.test.store.ClouvelStoreContract} and the others)
 * set up their data with these.
 */
package ai.clouvel.test.data;
