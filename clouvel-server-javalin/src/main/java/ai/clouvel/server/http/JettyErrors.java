package ai.clouvel.server.http;

import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a request line or headers it cannot read, a malformed path) in the
 * server's shapes instead of Jetty's HTML: the JSON error under {@code /api/}, the HTML error page
 * elsewhere, both with the security headers. When Jetty could not read the request line, the path
 * is unknown ({@code /badMessage}) and the answer is the HTML page.
 */
public final class JettyErrors extends ErrorHandler {
  private final ErrorPages pages;

  /**
   * Creates the handler.
   *
   * @param pages renders the errors
   */
  public JettyErrors(ErrorPages pages) {
    this.pages = pages;
  }

  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
    boolean json = ErrorPages.isJsonPath(path);
    byte[] body = json ? pages.json(ErrorPages.code(code), ErrorPages.message(code), List.of())
        : ErrorPages.html(code, ErrorPages.message(code));
    SecurityHeaders.apply((name, value) -> response.getHeaders().put(name, value));
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, json ? "application/json" : "text/html; charset=utf-8");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
