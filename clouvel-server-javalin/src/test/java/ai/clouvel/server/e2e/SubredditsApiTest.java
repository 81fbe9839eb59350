package ai.clouvel.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.content.Subreddit;
import ai.clouvel.core.offline.SampleContentSource;
import ai.clouvel.server.ClouvelServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/subreddits} in demo mode: the sample source's twelve subreddits, a prefix, a limit, bad input. */
class SubredditsApiTest {
  @TempDir
  Path directory;

  @Test
  void demoModeListsItsTwelveSubredditsWithMetadataAndFiltersByPrefix() throws Exception {
    Map<String, String> env = Map.of("PORT", "0", "DATABASE_URL", "sqlite:" + directory.resolve("subs.db"),
        "WORKERS", "0", "SEED_DEMO", "false");
    SampleContentSource samples = new SampleContentSource(Clock.systemUTC());
    try (ClouvelServer server = ClouvelServer.fromEnvironment(env).start()) {
      Client client = new Client(server.baseUrl());

      Map<String, Object> all = client.object(client.get("/api/subreddits"));
      List<Map<String, Object>> items = items(all);
      assertThat(items).extracting(item -> (String) item.get("name"))
          .containsExactlyInAnyOrderElementsOf(samples.suggestedSubreddits()).hasSize(12);
      assertThat(((BigDecimal) all.get("total")).intValue()).isEqualTo(12);
      Map<String, Object> space = items.stream().filter(item -> "space".equals(item.get("name"))).findFirst().orElseThrow();
      Subreddit about = samples.subreddit("space").orElseThrow();
      assertThat(space).containsEntry("title", about.title()).containsEntry("nsfw", about.nsfw());
      assertThat(((BigDecimal) space.get("subscribers")).longValue()).isEqualTo(about.subscribers());
      assertThat(((BigDecimal) space.get("eligible_posts")).intValue()).isPositive();
      assertThat((String) space.get("refreshed_at")).endsWith("Z");
      assertThat(server.clouvel().store().subreddits().list("", 100)).as("cached in the subreddits table").hasSize(12);

      List<String> c = samples.suggestedSubreddits().stream().filter(name -> name.toLowerCase().startsWith("c")).sorted().toList();
      assertThat(c).hasSizeGreaterThan(1);
      Map<String, Object> prefixed = client.object(client.get("/api/subreddits?q=r/C&limit=1"));
      assertThat(items(prefixed)).extracting(item -> item.get("name")).containsExactly(c.get(0));
      assertThat(((BigDecimal) prefixed.get("total")).intValue()).isEqualTo(c.size());
      assertThat(items(client.object(client.get("/api/subreddits?q=zzz")))).isEmpty();

      for (String bad : List.of("q=a%20b", "q=" + "a".repeat(22), "q=%3Cscript%3E", "limit=0", "limit=101", "limit=x")) {
        Client.Reply reply = client.get("/api/subreddits?" + bad);
        assertThat(reply.status()).as(bad).isEqualTo(400);
        assertThat(reply.body()).as(bad).contains(bad.startsWith("q") ? "\"invalid_q\"" : "\"invalid_limit\"");
      }
      new OpenApiContract().assertConforms(client.exchanges());
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.get("items");
  }
}
