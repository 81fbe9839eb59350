package ai.clouvel.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.server.ClouvelServer;
import ai.clouvel.server.testing.FreePorts;
import ai.clouvel.server.ws.FundraisingDonations;
import ai.clouvel.store.testing.EmbeddedPostgresExtension;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fundraising page's public answers on SQLite and on a real PostgreSQL, after donations made
 * through the real flow (demo checkout, admin cancel for the refund): the donor leaderboard names
 * only donors who chose to be named and sums their succeeded donations; recent donations list the
 * succeeded ones newest first, anonymous donors as "Anonymous"; the refunded donation has left
 * every figure; no answer holds an email, a message or an anonymous donor's name, and the tasks
 * the dashboard shows hold no donor data at all.
 */
class FundraisingApiTest {
  @TempDir
  Path directory;

  private ExtensionContext context;

  @RegisterExtension
  final BeforeEachCallback remember = extension -> context = extension;

  @Test
  void onSqlite() {
    fundraise("sqlite:" + directory.resolve("fundraising.db"));
  }

  @Test
  void onPostgres() {
    EmbeddedPostgresExtension.Database database = EmbeddedPostgresExtension.newDatabase(context);
    fundraise(database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "password=" + database.password());
  }

  @SuppressWarnings("unchecked")
  private void fundraise(String databaseUrl) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PORT", String.valueOf(FreePorts.free()));
    env.put("DATABASE_URL", databaseUrl);
    env.put("WORKERS", "0");
    env.put("SEED_DEMO", "false");
    env.put("ADMIN_SECRET", FundraisingDonations.ADMIN_SECRET);
    try (ClouvelServer server = ClouvelServer.fromEnvironment(env).start();
         FundraisingDonations donations = new FundraisingDonations(server.baseUrl())) {
      Client client = new Client(server.baseUrl());
      donations.makeAll();

      Client.Reply byDonor = client.get("/api/donations/by-donor");
      assertThat(byDonor.status()).isEqualTo(200);
      Map<String, Object> donors = client.object(byDonor);
      assertThat(donors).containsEntry("total", new BigDecimal(2));
      assertThat((List<Map<String, Object>>) donors.get("items")).containsExactly(
          Map.of("donor_name", "Ada Lovelace", "donations", new BigDecimal(2), "amount_cents", new BigDecimal(7500),
              "amount_usd", "75.00"),
          Map.of("donor_name", "trail_fan", "donations", new BigDecimal(1), "amount_cents", new BigDecimal(500),
              "amount_usd", "5.00"));
      assertThat(client.get("/api/donations/by-donor?limit=1&offset=1").body())
          .contains("\"donor_name\":\"trail_fan\"").doesNotContain("Ada Lovelace");

      Map<String, Object> recent = client.object(client.get("/api/donations/recent?limit=10"));
      assertThat(recent).as("succeeded donations only: the refunded one left").containsEntry("total", new BigDecimal(4));
      List<Map<String, Object>> items = (List<Map<String, Object>>) recent.get("items");
      assertThat(items).extracting(i -> i.get("donor_name"))
          .containsExactly("Ada Lovelace", "trail_fan", "Anonymous", "Ada Lovelace");
      assertThat(items).extracting(i -> i.get("amount_usd")).containsExactly("50.00", "5.00", "10.00", "25.00");
      assertThat(items).extracting(i -> i.get("donation_type"))
          .containsExactly("commission", "support", "commission", "commission");
      assertThat(items.get(1)).containsEntry("post_id", "1h1k01");
      assertThat(items.get(2)).containsEntry("subreddit", "space").containsEntry("tier", "silver");
      assertThat(client.get("/api/donations/recent?limit=2&offset=2").body())
          .contains("\"amount_usd\":\"10.00\"", "\"amount_usd\":\"25.00\"").doesNotContain("\"50.00\"");

      Map<String, Object> summary = client.object(client.get("/api/donations/summary"));
      List<Map<String, Object>> goals = (List<Map<String, Object>>) summary.get("goals");
      assertThat(goals).hasSize(1);
      assertThat(goals.get(0)).containsEntry("title", "New trail boots").containsEntry("target_usd", "200.00")
          .containsEntry("raised_usd", "80.00").containsEntry("percent", new BigDecimal(40));
      assertThat(summary).containsEntry("total_amount_usd", "90.00").containsEntry("refunded", new BigDecimal(1));
      assertThat(client.get("/api/donations/by-subreddit").body())
          .contains("{\"subreddit\":\"hiking\",\"donations\":3,\"amount_cents\":8000,\"amount_usd\":\"80.00\"",
              "{\"subreddit\":\"space\",\"donations\":1,\"amount_cents\":1000,");

      for (String path : List.of("/api/donations/by-donor", "/api/donations/recent?limit=100")) {
        assertThat(client.get(path).body()).as(path).doesNotContain(FundraisingDonations.PRIVATE)
            .doesNotContain("customer_email", "message", "reddit_username");
      }
      // The dashboard's source: tasks carry no donor data at all, named or not.
      Client.Reply tasks = client.get("/api/tasks?limit=100");
      assertThat(tasks.body()).contains("\"total\":4").doesNotContain(FundraisingDonations.PRIVATE)
          .doesNotContain("Ada Lovelace", "trail_fan", "ada_l", "customer_", "donor_name");
      assertThat(client.get("/api/donations/recent?limit=0").status()).isEqualTo(400);
      assertThat(client.get("/api/donations/by-donor?offset=-1").status()).isEqualTo(400);
      new OpenApiContract().assertConforms(client.exchanges());
    }
  }
}
