package ai.clouvel.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the OpenAPI 3.1 description of the server, {@code /openapi.json}. The description is one
 * checked-in file, {@value #RESOURCE}; tests keep it true: every registered route is described, and
 * every response the end-to-end tests see matches its schema.
 */
final class OpenApi {
  /** Where the description lives on the classpath. */
  static final String RESOURCE = "/openapi/openapi.json";

  private final byte[] description;

  OpenApi() {
    try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      this.description = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void serve(Context ctx) {
    ctx.header("Cache-Control", "public, max-age=300");
    ctx.contentType("application/json").result(description);
  }
}
