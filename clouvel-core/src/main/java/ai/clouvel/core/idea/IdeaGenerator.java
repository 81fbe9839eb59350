package ai.clouvel.core.idea;

/**
 * Turns a post (and what its comments say) into a {@link ProductIdea}. The live implementation
 * asks an OpenAI chat model for structured JSON; the offline one fills templates with the
 * post's own words.
 */
@FunctionalInterface
public interface IdeaGenerator {

  /**
   * Generates an idea.
   *
   * @param request the post and context
   * @return the idea, with its prompt version and usage
   */
  GeneratedIdea generate(IdeaRequest request);
}
