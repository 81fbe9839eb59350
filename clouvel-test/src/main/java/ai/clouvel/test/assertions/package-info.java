/**
 * AssertJ assertions that speak Clouvel's domain:
 * {@code ClouvelAssertions.assertThat(task).hasStatus(TaskStatus.COMPLETED).producedProduct(42)}.
 */
package ai.clouvel.test.assertions;
