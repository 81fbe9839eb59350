package ai.clouvel.agents.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okhttp3.Headers;

/**
 * A finished HTTP exchange with its body read.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the response body
 */
public record HttpResult(int status, Headers headers, byte[] body) {

  public HttpResult {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
  }

  /**
   * Returns the body as UTF-8 text.
   *
   * @return the text
   */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Tells whether the status is 2xx.
   *
   * @return {@code true} for success
   */
  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }
}
