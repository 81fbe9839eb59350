package ai.clouvel.core.idea;

import ai.clouvel.core.usage.Usage;
import java.util.Objects;

/**
 * The output of an {@link IdeaGenerator}.
 *
 * @param idea the idea
 * @param promptVersion the version of the prompt or template that produced it, stored on the product
 * @param usage what producing it consumed
 */
public record GeneratedIdea(ProductIdea idea, String promptVersion, Usage usage) {

  public GeneratedIdea {
    Objects.requireNonNull(idea, "idea");
    Objects.requireNonNull(promptVersion, "promptVersion");
    Objects.requireNonNull(usage, "usage");
  }
}
