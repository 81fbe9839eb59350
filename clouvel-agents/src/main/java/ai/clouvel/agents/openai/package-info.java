/** OpenAI: structured ideas, comment summaries and images, with usage and cost. */
package ai.clouvel.agents.openai;
