package ai.clouvel.agents.http;

import java.util.List;
import java.util.Objects;

/**
 * Removes secrets (API keys, client secrets, access tokens) from text that may reach a log or an
 * exception message.
 */
public final class Redactor {
  private static final int MIN_SECRET_LENGTH = 4;

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
  }

  /**
   * Creates a redactor for the given secrets; blank or very short values are ignored.
   *
   * @param secrets the secret values
   * @return the redactor
   */
  public static Redactor of(String... secrets) {
    return new Redactor(java.util.Arrays.stream(secrets)
        .filter(Objects::nonNull)
        .map(String::strip)
        .filter(s -> s.length() >= MIN_SECRET_LENGTH)
        .toList());
  }

  /**
   * Returns a redactor that also hides {@code secret}.
   *
   * @param secret another secret, for example an access token obtained at run time
   * @return the extended redactor
   */
  public Redactor and(String secret) {
    if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
      return this;
    }
    java.util.ArrayList<String> more = new java.util.ArrayList<>(secrets);
    more.add(secret.strip());
    return new Redactor(List.copyOf(more));
  }

  /**
   * Replaces every secret in the text with {@code ***}.
   *
   * @param text the text, or {@code null}
   * @return the redacted text ({@code ""} for {@code null})
   */
  public String redact(String text) {
    if (text == null) {
      return "";
    }
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, "***");
    }
    return result;
  }
}
