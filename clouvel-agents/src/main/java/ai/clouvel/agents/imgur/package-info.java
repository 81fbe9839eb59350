/** Image hosting on Imgur, an alternative to the store. */
package ai.clouvel.agents.imgur;
