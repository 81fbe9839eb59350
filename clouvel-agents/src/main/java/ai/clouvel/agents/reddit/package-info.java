/** Reddit through JRAW: posts, comments and subreddits, paced to Reddit's rate limit. */
package ai.clouvel.agents.reddit;
