package ai.clouvel.server.http;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The headers every response carries: a strict Content-Security-Policy (scripts and styles only
 * from the server's own files, never inline; no framing), {@code nosniff}, {@code DENY} framing
 * for older browsers and a referrer policy that never sends a path to another site.
 */
public final class SecurityHeaders {
  /** The Content-Security-Policy of every page. Images may come from HTTPS hosts (Imgur in live mode). */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' https: data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
      + "frame-ancestors 'none'";

  private static final Map<String, String> HEADERS = Map.of(
      "Content-Security-Policy", CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options", "nosniff",
      "X-Frame-Options", "DENY",
      "Referrer-Policy", "strict-origin-when-cross-origin",
      "Cross-Origin-Opener-Policy", "same-origin");

  private SecurityHeaders() {
  }

  /**
   * Sets the headers through a setter (Javalin's {@code ctx::header}, or Jetty's response headers).
   *
   * @param setter sets one header
   */
  public static void apply(BiConsumer<String, String> setter) {
    HEADERS.forEach(setter);
  }

  /**
   * Returns the headers and their values.
   *
   * @return the headers
   */
  public static Map<String, String> all() {
    return HEADERS;
  }
}
