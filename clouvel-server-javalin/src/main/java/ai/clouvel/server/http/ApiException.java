package ai.clouvel.server.http;

import java.util.List;
import java.util.Map;

/**
 * A failure answered as {@code {"error": {"code", "message", "details"}}} with an HTTP status.
 * Messages are for the client; they never carry stack traces or secrets.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient List<Map<String, String>> details;

  public ApiException(int status, String code, String message) {
    this(status, code, message, List.of());
  }

  public ApiException(int status, String code, String message, List<Map<String, String>> details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = List.copyOf(details);
  }

  public static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message);
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "not_found", what + " was not found");
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<Map<String, String>> details() {
    return details;
  }
}
