package ai.clouvel.server.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every error answer of the server, in one of two shapes chosen by the path: the JSON error
 * ({@code {"error": {"code", "message", "details"}}}) for the API and the machine endpoints, a
 * small HTML page for everything a person opens in a browser. Never a stack trace.
 */
public final class ErrorPages {
  private final Json json;

  /**
   * Creates the error renderer.
   *
   * @param json the JSON writer
   */
  public ErrorPages(Json json) {
    this.json = json;
  }

  /**
   * Tells whether errors on a path are JSON: {@code /api/...}, {@code /health}, {@code /metrics},
   * {@code /openapi.json} and the WebSocket paths. Everything else gets an HTML page.
   *
   * @param path the request path, or {@code null} when the request could not be read far enough
   * @return {@code true} for JSON
   */
  public static boolean isJsonPath(String path) {
    if (path == null) {
      return false;
    }
    return path.equals("/api") || path.startsWith("/api/") || path.equals("/health") || path.equals("/metrics")
        || path.equals("/openapi.json") || path.equals("/ws") || path.startsWith("/ws/");
  }

  /**
   * Renders the JSON error.
   *
   * @param code the machine-readable code, for example {@code not_found}
   * @param message what went wrong, for people
   * @param details per-field details, possibly empty
   * @return the UTF-8 body
   */
  public byte[] json(String code, String message, List<Map<String, String>> details) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("message", message);
    body.put("details", details);
    return json.writeBytes(Map.of("error", body));
  }

  /**
   * Renders the HTML error page: a title for the status, the message, and a way back.
   *
   * @param status the HTTP status
   * @param message what went wrong, for people
   * @return the UTF-8 page
   */
  public static byte[] html(int status, String message) {
    String title = title(status);
    return Layout.page(title, null, "", "<main id=\"main\" class=\"error-page\"><p class=\"status\">" + status
        + "</p><h1>" + Html.escape(title) + "</h1><p>" + Html.escape(message) + "</p>"
        + "<p><a class=\"button\" href=\"/\">Back to the gallery</a></p></main>", false, List.of())
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The short title of a status, for people.
   *
   * @param status the HTTP status
   * @return the title
   */
  public static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 403 -> "Not allowed";
      case 404 -> "Page not found";
      case 405 -> "Method not allowed";
      case 409 -> "Conflict";
      case 413 -> "Request too large";
      case 414 -> "Address too long";
      case 422 -> "Cannot do that";
      case 429 -> "Too many requests";
      case 431 -> "Request headers too large";
      case 502, 503 -> "Temporarily unavailable";
      default -> status >= 500 ? "Something went wrong" : "Request refused";
    };
  }

  /**
   * The JSON code of a status that has no more specific one.
   *
   * @param status the HTTP status
   * @return the code, for example {@code uri_too_long}
   */
  public static String code(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "payload_too_large";
      case 414 -> "uri_too_long";
      case 431 -> "headers_too_large";
      case 500 -> "internal_error";
      default -> "http_" + status;
    };
  }

  /**
   * A message for people of a status raised by the HTTP layer itself, never its internal text.
   *
   * @param status the HTTP status
   * @return the message
   */
  public static String message(int status) {
    return switch (status) {
      case 400 -> "the request could not be understood (a malformed address or header)";
      case 404 -> "there is nothing here";
      case 405 -> "this method is not allowed here";
      case 413 -> "the request body is too large";
      case 414 -> "the address is too long";
      case 431 -> "the request headers are too large";
      default -> status >= 500 ? "something went wrong on our side" : "the request was refused";
    };
  }
}
