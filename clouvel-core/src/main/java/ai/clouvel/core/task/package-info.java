/** Tasks of the durable commission queue and the task queue port. */
package ai.clouvel.core.task;
