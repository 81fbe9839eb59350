package ai.clouvel.agents.reddit;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The User-Agent Reddit asks every API client to send:
 * {@code <platform>:<app id>:<version> (by /u/<username>)}.
 *
 * @param platform for example {@code "java"} or {@code "server"}
 * @param appId a unique id of the app, for example {@code "ai.clouvel"}
 * @param version the app's version
 * @param username the Reddit username of the app's operator
 */
public record RedditUserAgent(String platform, String appId, String version, String username) {
  private static final Pattern FORMAT =
      Pattern.compile("([^:\\s]+):([^:\\s]+):([^\\s]+) \\(by /u/([A-Za-z0-9_-]+)\\)");

  public RedditUserAgent {
    for (String part : new String[] {platform, appId, version, username}) {
      if (Objects.requireNonNull(part, "user agent parts are required").isBlank() || part.contains(":")) {
        throw new IllegalArgumentException("user agent parts must be non-blank and free of ':'");
      }
    }
  }

  /**
   * Parses a User-Agent of the required form.
   *
   * @param text for example {@code "java:ai.clouvel:1.0 (by /u/clouvel)"}
   * @return the parsed agent
   * @throws IllegalArgumentException if the text is not of that form
   */
  public static RedditUserAgent parse(String text) {
    Matcher matcher = FORMAT.matcher(text == null ? "" : text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "REDDIT_USER_AGENT must look like <platform>:<app id>:<version> (by /u/<username>)");
    }
    return new RedditUserAgent(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4));
  }

  @Override
  public String toString() {
    return platform + ":" + appId + ":" + version + " (by /u/" + username + ")";
  }
}
