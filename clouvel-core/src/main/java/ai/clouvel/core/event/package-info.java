/** Events and the {@link ai.clouvel.core.event.EventBus} port. */
package ai.clouvel.core.event;
