package ai.clouvel.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.Clouvel;
import ai.clouvel.core.DurableClouvel;
import ai.clouvel.server.ClouvelServer;
import ai.clouvel.server.config.ServerConfig;
import ai.clouvel.server.testing.FreePorts;
import ai.clouvel.store.SqlStore;
import ai.clouvel.test.time.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that answers reads but cannot write: /health says so, and writes answer 503. */
class StorageFailureTest {
  @TempDir
  Path directory;

  @Test
  void aDatabaseThatCannotWriteFailsHealthAndWritesAnswer503() throws Exception {
    Path file = directory.resolve("locked.db");
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    ServerConfig config = ServerConfig.fromEnvironment(Map.of("PORT", String.valueOf(FreePorts.free()),
        "SEED_DEMO", "false", "WORKERS", "0"));
    try (SqlStore store = SqlStore.builder().databaseUrl("sqlite:" + file).busyTimeout(Duration.ofMillis(200))
            .clock(clock).build();
         DurableClouvel clouvel = Clouvel.builder().clock(clock).build(store);
         ClouvelServer server = ClouvelServer.create(clouvel, config, Map.of()).start()) {
      Client client = new Client(server.baseUrl());
      assertThat(client.get("/health").status()).isEqualTo(200);
      String commission = "{\"amount_usd\": \"10.00\", \"donation_type\": \"commission\","
          + " \"commission_type\": \"random_subreddit\", \"subreddit\": \"cats\"}";

      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
           Statement statement = other.createStatement()) {
        // Another process holds the write lock: every write of the server's times out.
        statement.execute("BEGIN EXCLUSIVE");
        clock.advance(Duration.ofSeconds(2));
        Client.Reply health = client.get("/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body()).contains("\"database\":\"failing\"");
        Client.Reply write = client.post("/api/donations/create-checkout-session", commission);
        assertThat(write.status()).as(write.body()).isEqualTo(503);
        assertThat(write.body()).contains("\"code\":\"storage_unavailable\"").doesNotContain("SQLITE", "Exception");
        assertThat(client.get("/api/generated_products").status()).as("reads still work").isEqualTo(200);
        statement.execute("ROLLBACK");
      }

      clock.advance(Duration.ofSeconds(2));
      assertThat(client.get("/health").status()).isEqualTo(200);
      assertThat(client.post("/api/donations/create-checkout-session", commission).status()).isEqualTo(201);
      new OpenApiContract().assertConforms(client.exchanges());
    }
  }
}
