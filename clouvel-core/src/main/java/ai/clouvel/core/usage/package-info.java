/** Token, image and cost accounting for provider calls. */
package ai.clouvel.core.usage;
