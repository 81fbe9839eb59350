package ai.clouvel.core.product;

/**
 * Links that the server itself serves are stored as root-relative paths ({@code /images/ab12.png},
 * {@code /p/42}) and turned into addresses only when shown, with the public base URL of that
 * moment: a new port or domain never breaks a product made before it. Links to other hosts (Imgur,
 * Zazzle) are stored and shown as they are.
 */
public final class PublicLinks {
  private PublicLinks() {
  }

  /**
   * Turns a stored link into an address.
   *
   * @param publicBaseUrl the server's public address now, for example {@code https://clouvel.example}
   * @param link a stored link: a root-relative path, or an absolute URL of another host
   * @return {@code publicBaseUrl + link} for a path, the link itself otherwise ({@code null} stays {@code null})
   */
  public static String resolve(String publicBaseUrl, String link) {
    if (link == null || !link.startsWith("/") || link.startsWith("//")) {
      return link;
    }
    String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    return base + link;
  }
}
