/**
 * Records of the agents that scan Reddit for posts worth a product and announce products to
 * the community.
 *
 * <p><b>To call:</b> {@code DurableClouvel.scanner()} and {@code DurableClouvel.community()}, built
 * with the instance's post filter, content source and publisher. <b>To implement:</b>
 * {@link ai.clouvel.core.agent.CommunityPublisher} to post somewhere other than Reddit, and
 * {@link ai.clouvel.core.agent.AgentRepository} only when writing a store of your own.
 */
package ai.clouvel.core.agent;
