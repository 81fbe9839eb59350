package ai.clouvel.agents.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.OkHttpClient;

/** Closing an OkHttp client, which has no {@code close()} of its own. */
public final class HttpClients {
  private HttpClients() {
  }

  /**
   * Shuts down a client's dispatcher threads, closes its pooled connections and its cache. Calls
   * already running finish; new calls are refused.
   *
   * @param client the client
   */
  public static void shutdown(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
    if (client.cache() != null) {
      try {
        client.cache().close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
