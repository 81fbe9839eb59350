/**
 * Clouvel's test kit. Add {@code ai.clouvel:clouvel-test} with test scope and use:
 * {@link ai.clouvel.test.time} (a clock, a sleeper and a ticker that tests move by hand),
 * {@link ai.clouvel.test.fakes} (fakes and recorders of every port), {@link ai.clouvel.test.openai},
 * {@link ai.clouvel.test.reddit} and {@link ai.clouvel.test.stripe} (fake provider APIs for
 * MockWebServer, and a Stripe webhook signer), {@link ai.clouvel.test.data} (builders of test data),
 * {@link ai.clouvel.test.assertions} (AssertJ assertions for donations and tasks) and
 * {@link ai.clouvel.test.store} (the contract suites every store must pass).
 */
package ai.clouvel.test;
