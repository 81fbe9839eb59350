/** The resilient HTTP layer shared by every provider client. */
package ai.clouvel.agents.http;
