/** Zazzle create-a-product links and their templates. */
package ai.clouvel.agents.zazzle;
