/** Tasks of the durable commission queue and the {@link ai.clouvel.core.task.TaskQueue} port. */
package ai.clouvel.core.task;
