/**
 * The agents that act on Reddit: the community agent (a persona in the community subreddit), the
 * promoter agent (offers to make products from good posts elsewhere), the scanner, their schedule
 * and their records.
 *
 * <p><b>To call:</b> {@code DurableClouvel.community()}, {@code promoter()}, {@code scanner()} and
 * {@code agents()} (the {@link ai.clouvel.core.agent.AgentSchedule}), built with the instance's
 * content source, decision maker and publisher. <b>To implement:</b>
 * {@link ai.clouvel.core.agent.DecisionMaker} to decide with another model,
 * {@link ai.clouvel.core.agent.CommunityPublisher} to post somewhere other than Reddit, and
 * {@link ai.clouvel.core.agent.AgentRepository} only when writing a store of your own.
 */
package ai.clouvel.core.agent;
