package ai.clouvel.core.donation;

/**
 * Who gave. Emails never appear in public responses, and an anonymous donor's name is shown as
 * {@code "Anonymous"} everywhere public.
 *
 * @param email the donor's email, or {@code null}
 * @param name the donor's name, or {@code null}
 * @param redditUsername the donor's Reddit username, or {@code null}
 * @param anonymous whether the donor asked not to be named
 */
public record Donor(String email, String name, String redditUsername, boolean anonymous) {

  /** A donor about whom nothing is known, shown as anonymous. */
  public static final Donor UNKNOWN = new Donor(null, null, null, true);

  /**
   * Returns the name to show in public.
   *
   * @return {@code "Anonymous"} for anonymous donors or donors without any name, else the name or
   *     Reddit username
   */
  public String publicName() {
    if (anonymous) {
      return "Anonymous";
    }
    if (name != null && !name.isBlank()) {
      return name;
    }
    if (redditUsername != null && !redditUsername.isBlank()) {
      return redditUsername;
    }
    return "Anonymous";
  }

  /**
   * Returns the Reddit username to show in public.
   *
   * @return the username, or {@code null} for anonymous donors
   */
  public String publicRedditUsername() {
    return anonymous ? null : redditUsername;
  }
}
