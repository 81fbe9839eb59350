package ai.clouvel.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.server.ClouvelServer;
import ai.clouvel.server.http.Json;
import ai.clouvel.server.testing.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fundraising page in headless Chromium shows exactly what the API answers, after donations
 * made through the real flow (demo checkout, an anonymous donor, a commission the admin cancelled
 * and so refunded): each goal's figures and progress bar, each row of both leaderboards, and each
 * recent donation; and none of the donors' private details.
 */
class FundraisingPageBrowserTest {
  @TempDir
  Path directory;

  private final OkHttpClient http = new OkHttpClient();
  private final Json json = new Json();

  @Test
  @SuppressWarnings("unchecked")
  void theFiguresOnThePageAreTheApisAfterRealDonationsOneAnonymousOneRefunded() throws Exception {
    String browser = Chromium.requiredBinary();
    Path profileRoot = Files.createTempDirectory("clouvel-chromium");
    try (ClouvelServer server = ClouvelServer.fromEnvironment(Map.of("PORT", String.valueOf(FreePorts.free()),
        "DATABASE_URL", "sqlite:" + directory.resolve("fundraising.db"), "WORKERS", "0", "SEED_DEMO", "false",
        "ADMIN_SECRET", FundraisingDonations.ADMIN_SECRET)).start();
         FundraisingDonations donations = new FundraisingDonations(server.baseUrl());
         Chromium chromium = new Chromium(browser, profileRoot.resolve("profile"))) {
      String base = server.baseUrl();
      donations.makeAll();

      chromium.navigate(base + "/fundraising");
      chromium.awaitText("document.body.dataset.loaded || ''", "fundraising", 30);

      // Goals: title, raised, target, percent and the bar's value, as the summary says.
      Map<String, Object> summary = get(base + "/api/donations/summary");
      List<String> goals = new ArrayList<>();
      for (Map<String, Object> goal : (List<Map<String, Object>>) summary.get("goals")) {
        int percent = ((Number) goal.get("percent")).intValue();
        goals.add(goal.get("title") + " (r/" + goal.get("subreddit") + ")|$" + goal.get("raised_usd") + "|$"
            + goal.get("target_usd") + "|" + percent + "%|" + percent);
      }
      assertThat(goals).containsExactly("New trail boots (r/hiking)|$80.00|$200.00|40%|40");
      assertThat(lines(chromium, "#goals li", "[e.querySelector('h3').textContent, e.querySelector('.raised').textContent,"
          + " e.querySelector('.target').textContent, e.querySelector('.percent').textContent,"
          + " e.querySelector('progress').value].join('|')")).isEqualTo(goals);
      assertThat(chromium.evaluate("document.getElementById('fund-totals').textContent"))
          .startsWith("$" + summary.get("total_amount_usd") + " raised from " + summary.get("total_donations"));

      // The subreddit leaderboard, row by row.
      List<String> subreddits = new ArrayList<>();
      int rank = 0;
      for (Map<String, Object> row : items(base + "/api/donations/by-subreddit?limit=20")) {
        subreddits.add(++rank + "|r/" + row.get("subreddit") + "|" + number(row.get("donations")) + "|"
            + number(row.get("commissions")) + "|" + number(row.get("supports")) + "|" + row.get("amount_usd"));
      }
      assertThat(subreddits).containsExactly("1|r/hiking|3|2|1|80.00", "2|r/space|1|1|0|10.00");
      assertThat(cells(chromium, "by-subreddit")).isEqualTo(subreddits);

      // The donor leaderboard: named donors only.
      List<String> donors = new ArrayList<>();
      rank = 0;
      for (Map<String, Object> row : items(base + "/api/donations/by-donor?limit=10")) {
        donors.add(++rank + "|" + row.get("donor_name") + "|" + number(row.get("donations")) + "|" + row.get("amount_usd"));
      }
      assertThat(donors).containsExactly("1|Ada Lovelace|2|75.00", "2|trail_fan|1|5.00");
      assertThat(cells(chromium, "by-donor")).isEqualTo(donors);

      // Recent donations: who (or "Anonymous"), what, where and how much; the refunded one is gone.
      List<String> recent = new ArrayList<>();
      for (Map<String, Object> row : items(base + "/api/donations/recent?limit=10")) {
        recent.add(row.get("donor_name") + "|" + ("support".equals(row.get("donation_type")) ? "support"
            : "commission (" + row.get("tier") + ")") + "|r/" + row.get("subreddit") + "|" + row.get("amount_usd"));
      }
      assertThat(recent).containsExactly("Ada Lovelace|commission (sapphire)|r/hiking|50.00",
          "trail_fan|support|r/hiking|5.00", "Anonymous|commission (silver)|r/space|10.00",
          "Ada Lovelace|commission (gold)|r/hiking|25.00");
      assertThat(lines(chromium, "#recent tbody tr", "[...e.cells].slice(1).map(c => c.textContent).join('|')"))
          .isEqualTo(recent);
      assertThat(chromium.evaluate("document.querySelector('#recent tbody time').dateTime"))
          .isEqualTo(items(base + "/api/donations/recent?limit=1").get(0).get("created_at"));

      assertThat(chromium.evaluate("document.querySelector('main').textContent"))
          .doesNotContain(FundraisingDonations.PRIVATE).doesNotContain("100.00");
      chromium.viewport(1280, 900);
      chromium.screenshot(Path.of("target", "screenshots", "fundraising-with-donations.png"));
    } finally {
      http.dispatcher().executorService().shutdownNow();
      http.connectionPool().evictAll();
      Chromium.deleteProfile(profileRoot);
    }
  }

  /** Each row of a table's body, its cells joined with "|". */
  private static List<String> cells(Chromium chromium, String table) throws Exception {
    return lines(chromium, "#" + table + " tbody tr", "[...e.cells].map(c => c.textContent).join('|')");
  }

  private static List<String> lines(Chromium chromium, String selector, String perElement) throws Exception {
    String text = chromium.evaluate("[...document.querySelectorAll('" + selector + "')].map(e => " + perElement
        + ").join('\\n')");
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }

  private static String number(Object value) {
    return String.valueOf(((Number) value).longValue());
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> items(String url) throws IOException {
    return (List<Map<String, Object>>) get(url).get("items");
  }

  private Map<String, Object> get(String url) throws IOException {
    try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(response.code()).as(url).isEqualTo(200);
      return json.readObject(response.body().string());
    }
  }

}
