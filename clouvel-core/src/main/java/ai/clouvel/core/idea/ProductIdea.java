package ai.clouvel.core.idea;

import java.util.Objects;

/**
 * What to make out of a post: a theme, and the title and description of the image to paint.
 *
 * @param theme a short theme, for example {@code "Sunrise summit"}
 * @param imageTitle the title of the artwork
 * @param imageDescription a description detailed enough to paint from; used as the image prompt
 */
public record ProductIdea(String theme, String imageTitle, String imageDescription) {

  public ProductIdea {
    requireText(theme, "theme");
    requireText(imageTitle, "imageTitle");
    requireText(imageDescription, "imageDescription");
  }

  private static void requireText(String value, String name) {
    if (Objects.requireNonNull(value, name).isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
