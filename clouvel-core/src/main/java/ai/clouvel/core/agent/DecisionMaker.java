package ai.clouvel.core.agent;

/**
 * Decides what an agent does with one item: one structured decision per call. The live
 * implementation asks a language model with JSON-schema output ({@code OpenAiDecisionMaker} in
 * {@code clouvel-agents}); {@link ai.clouvel.core.offline.RuleDecisionMaker} decides by rules
 * without a network. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface DecisionMaker {

  /**
   * Decides about one item.
   *
   * @param request the item, the persona and the allowed actions
   * @return the decision; its action is one of the allowed ones
   * @throws ai.clouvel.core.provider.ProviderException if the model cannot be asked
   */
  Decision decide(DecisionRequest request);
}
