package ai.clouvel.core.content;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the many ways people refer to a Reddit post into its base-36 id: {@code 1abc2d},
 * {@code t3_1abc2d}, {@code https://www.reddit.com/r/x/comments/1abc2d/title/},
 * {@code https://old.reddit.com/comments/1abc2d}, {@code https://redd.it/1abc2d}.
 */
public final class PostIds {
  private static final Pattern BARE = Pattern.compile("(?:t3_)?([a-z0-9]{1,13})");
  private static final Pattern COMMENTS_URL = Pattern.compile(
      "(?:https?://)?(?:[a-z0-9-]+\\.)?reddit\\.com/(?:r/[A-Za-z0-9_]+/)?comments/([a-z0-9]{1,13})(?:[/?#].*)?");
  private static final Pattern SHORT_URL = Pattern.compile(
      "(?:https?://)?redd\\.it/([a-z0-9]{1,13})/?(?:[?#].*)?");

  private PostIds() {
  }

  /**
   * Extracts the base-36 post id.
   *
   * @param reference an id, a {@code t3_} full name or a Reddit post URL
   * @return the lower-case base-36 id, or empty if {@code reference} is none of those
   */
  public static Optional<String> normalize(String reference) {
    if (reference == null) {
      return Optional.empty();
    }
    String text = reference.strip();
    for (Pattern pattern : new Pattern[] {COMMENTS_URL, SHORT_URL}) {
      Matcher url = pattern.matcher(text);
      if (url.matches()) {
        return Optional.of(url.group(1));
      }
    }
    Matcher bare = BARE.matcher(text.toLowerCase(Locale.ROOT));
    return bare.matches() ? Optional.of(bare.group(1)) : Optional.empty();
  }
}
