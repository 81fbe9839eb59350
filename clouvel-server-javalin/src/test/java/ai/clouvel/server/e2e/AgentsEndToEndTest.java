package ai.clouvel.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.server.ClouvelServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agents in demo mode, through the API: both run offline over the bundled sample posts, dry by
 * default, and an admin controls them (status, run now, enable and disable, caps, persona).
 */
class AgentsEndToEndTest {
  private static final String ADMIN = "admin-secret-agents";

  @TempDir
  Path directory;

  @Test
  void anAdminRunsAndControlsBothAgentsOverTheSamplePosts() throws Exception {
    Map<String, String> env = Map.of("PORT", "0", "DATABASE_URL", "sqlite:" + directory.resolve("agents.db"),
        "WORKERS", "0", "SEED_DEMO", "false", "ADMIN_SECRET", ADMIN);
    try (ClouvelServer server = ClouvelServer.fromEnvironment(env).start()) {
      Client client = new Client(server.baseUrl());
      assertThat(client.get("/api/admin/agents/status").status()).isEqualTo(403);

      Map<String, Object> status = client.object(client.get("/api/admin/agents/status", "X-Admin-Secret", ADMIN));
      assertThat(status).containsEntry("can_publish", true);
      assertThat(client.get("/api/admin/agents/status", "X-Admin-Secret", ADMIN).body())
          .contains("\"agent\":\"community\"", "\"agent\":\"promoter\"", "\"enabled\":false", "\"dry_run\":true",
              "\"community_subreddit\":\"clouvel\"", "\"name\":\"Clouvel\"", "\"reply\":20", "\"promote\":5");

      Client.Reply community = client.post("/api/admin/agents/community/run", "", "X-Admin-Secret", ADMIN);
      assertThat(community.status()).as(community.body()).isEqualTo(200);
      assertThat(community.body()).contains("\"dry_run\":true", "\"action\":\"welcome\"", "\"target\":\"t3_1cl001\"",
          "\"action\":\"reply\"", "\"outcome\":\"dry_run\"");
      Client.Reply promoter = client.post("/api/admin/agents/promoter/run?dry_run=true", "", "X-Admin-Secret", ADMIN);
      assertThat(promoter.body()).contains("\"action\":\"promote\"", "/commission?post_id=", "score ");
      assertThat(client.get("/api/admin/agents/actions?agent=promoter", "X-Admin-Secret", ADMIN).body())
          .contains("\"agent\":\"promoter\"").doesNotContain("\"agent\":\"community\"");

      Client.Reply live = client.post("/api/admin/agents/community/run?dry_run=false", "", "X-Admin-Secret", ADMIN);
      assertThat(live.body()).contains("\"dry_run\":false", "\"outcome\":\"done\"", "\"reddit_id\":\"t1_off");

      Client.Reply caps = client.post("/api/admin/agents/promoter/config", "{\"daily_caps\": {\"promote\": 2},"
          + " \"deny_list\": [\"r/politics\"], \"cooldown_hours\": 12, \"interval_minutes\": 90}", "X-Admin-Secret", ADMIN);
      assertThat(caps.status()).as(caps.body()).isEqualTo(200);
      assertThat(caps.body()).contains("\"promote\":2", "\"deny_list\":[\"politics\"]", "\"cooldown_hours\":12",
          "\"interval_minutes\":90");
      Client.Reply bad = client.post("/api/admin/agents/promoter/config", "{\"daily_caps\": {\"vote\": 5}}",
          "X-Admin-Secret", ADMIN);
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("daily_caps.vote");
      assertThat(client.get("/api/admin/agents/status", "X-Admin-Secret", ADMIN).body()).contains("\"promote\":2");

      Client.Reply persona = client.post("/api/admin/agents/community/persona",
          "{\"name\": \"Pixel\", \"system_prompt\": \"You are Pixel, a cheerful painter.\"}", "X-Admin-Secret", ADMIN);
      assertThat(persona.body()).contains("\"name\":\"Pixel\"", "cheerful painter");
      assertThat(client.post("/api/admin/agents/community/persona", "{\"name\": \"\"}", "X-Admin-Secret", ADMIN)
          .status()).isEqualTo(400);

      assertThat(client.post("/api/admin/agents/community/enable", "", "X-Admin-Secret", ADMIN).body())
          .contains("\"enabled\":true");
      assertThat(client.post("/api/admin/agents/community/disable", "", "X-Admin-Secret", ADMIN).body())
          .contains("\"enabled\":false");
      assertThat(client.post("/api/admin/agents/robot/run", "", "X-Admin-Secret", ADMIN).status()).isEqualTo(404);
      assertThat(client.post("/api/admin/agents/community/run?dry_run=maybe", "", "X-Admin-Secret", ADMIN).status())
          .isEqualTo(400);

      Map<String, Object> after = client.object(client.get("/api/admin/agents/status", "X-Admin-Secret", ADMIN));
      @SuppressWarnings("unchecked")
      Map<String, Object> communityStatus = ((List<Map<String, Object>>) after.get("agents")).get(0);
      assertThat(communityStatus.get("last_run_at")).isNotNull();
      @SuppressWarnings("unchecked")
      Map<String, Object> today = (Map<String, Object>) communityStatus.get("today");
      assertThat(today.get("welcome")).isEqualTo(Map.of("live", BigDecimal.ONE, "dry_run", BigDecimal.ONE));
      new OpenApiContract().assertConforms(client.exchanges());
    }
  }
}
