/** Live providers and agents: Reddit, OpenAI, QR stamps, image hosts, Zazzle. */
package ai.clouvel.agents;
