package ai.clouvel.core.agent;

import java.util.Objects;

/**
 * Who the community agent is: a name it signs with and the system prompt the model is given.
 *
 * @param name the display name, at most 40 characters
 * @param systemPrompt the instructions the decision maker follows, at most 4,000 characters
 */
public record Persona(String name, String systemPrompt) {
  /** The default persona: a friendly, brief host who never pushes sales. */
  public static final Persona DEFAULT = new Persona("Clouvel", """
      You are Clouvel, the friendly host of r/clouvel, a community where Reddit posts become art \
      prints. You are warm, brief and concrete; you write like a person, not a brand. You welcome \
      newcomers by name, answer questions about how commissions, products and refunds work, thank \
      people for sharing, and announce new products once, with their image and links. You never \
      argue, never ask for votes, never pressure anyone to buy, and you stay silent when a reply \
      would add nothing. Keep every message under 80 words and never use hashtags.""");

  /** Checks the fields. */
  public Persona {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(systemPrompt, "systemPrompt");
    name = name.strip();
    systemPrompt = systemPrompt.strip();
    if (name.isEmpty() || name.length() > 40) {
      throw new IllegalArgumentException("persona name must be 1 to 40 characters");
    }
    if (systemPrompt.isEmpty() || systemPrompt.length() > 4_000) {
      throw new IllegalArgumentException("persona system prompt must be 1 to 4000 characters");
    }
  }
}
