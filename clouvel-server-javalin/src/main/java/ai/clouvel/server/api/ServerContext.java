package ai.clouvel.server.api;

import ai.clouvel.core.DurableClouvel;
import ai.clouvel.core.agent.CommunityAgent;
import ai.clouvel.core.agent.ScannerAgent;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.server.config.ServerConfig;
import ai.clouvel.server.http.Guards;
import ai.clouvel.server.http.Json;
import ai.clouvel.server.http.ResponseCache;
import java.util.Map;

/**
 * What the route handlers share.
 *
 * @param clouvel the configured Clouvel, with a store
 * @param store the store
 * @param config the server settings
 * @param json JSON in and out
 * @param guards admin, CORS, body and rate limits
 * @param providers each provider's mode, {@code live} or {@code demo}
 * @param scanner the scanning agent
 * @param community the community agent
 * @param version the server's version
 * @param cache the cache of read-mostly answers
 */
public record ServerContext(DurableClouvel clouvel, ClouvelStore store, ServerConfig config, Json json, Guards guards,
    Map<String, String> providers, ScannerAgent scanner, CommunityAgent community, String version,
    ResponseCache cache) {

  /** Returns {@code demo} unless payments are real. */
  public String mode() {
    return "live".equals(providers.get("payments")) ? "live" : "demo";
  }
}
