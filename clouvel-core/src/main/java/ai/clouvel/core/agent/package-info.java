/** What the agents that scan Reddit and take part in the community record. */
package ai.clouvel.core.agent;
