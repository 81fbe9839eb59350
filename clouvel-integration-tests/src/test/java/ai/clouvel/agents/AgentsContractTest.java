package ai.clouvel.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.agents.http.HttpSettings;
import ai.clouvel.agents.http.RetryPolicy;
import ai.clouvel.agents.openai.OpenAiClient;
import ai.clouvel.agents.openai.OpenAiDecisionMaker;
import ai.clouvel.agents.reddit.RedditContentSource;
import ai.clouvel.agents.reddit.RedditUserAgent;
import ai.clouvel.core.Clouvel;
import ai.clouvel.core.DurableClouvel;
import ai.clouvel.core.agent.ActionType;
import ai.clouvel.core.agent.AgentAction;
import ai.clouvel.core.agent.AgentKind;
import ai.clouvel.core.agent.AgentRun;
import ai.clouvel.core.agent.AgentSettings;
import ai.clouvel.core.agent.CommunityAgent;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.product.Product;
import ai.clouvel.test.time.ManualTicker;
import ai.clouvel.test.time.MutableClock;
import ai.clouvel.store.SqlStore;
import ai.clouvel.store.testing.TestStores;
import ai.clouvel.test.data.TestData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The community and promoter agents on a real store (a SQLite file and embedded PostgreSQL), with
 * MockWebServer as Reddit and OpenAI talked to by the real clients.
 */
@ExtendWith(TestStores.Extension.class)
abstract class AgentsContractTest {
  private static final String LOCKED = "{\"json\": {\"errors\": [[\"THREAD_LOCKED\", \"that thread is locked\","
      + " \"parent\"]]}}";
  private static final String RATE_LIMITED = "{\"json\": {\"ratelimit\": 540.5, \"errors\": [[\"RATELIMIT\","
      + " \"Take a break for 9 minutes\", \"ratelimit\"]]}}";

  private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
  private FakeRedditAndOpenAi fake;
  private SqlStore store;
  private final List<DurableClouvel> clouvels = new ArrayList<>();

  @TempDir
  Path directory;

  protected abstract TestStores.Kind kind();

  @BeforeEach
  void start(TestStores stores) throws Exception {
    fake = new FakeRedditAndOpenAi(clock::instant);
    store = stores.open(kind(), directory, clock, null);
    fake.post("clouvel", "cl1", "fay", "Hi everyone, new here!", "Found you through a print of my photo.");
    fake.post("clouvel", "cl2", "sam", "Refunds for failed commissions", "What happens if my commission fails?");
    fake.comment("cl1", "cm1", "carl", "How long does a commission take?");
    fake.comment("cl1", "cm2", "mo", "Nice to see you here.");
    fake.comment("cl1", "cm3", "Clouvel_Bot", "Anything else we can help with?");
    fake.subreddit("hiking", false);
    fake.post("hiking", "h2", "b", "An ordinary walk in the park SCORE=6", "It was fine, the weather was grey.");
    fake.post("hiking", "h1", "a", "Summit of Whitney at sunrise SCORE=9", "The alpenglow on the granite was unreal.");
    fake.post("space", "s1", "c", "A blurry photo of the moon SCORE=4", "Took it with my phone from the balcony.");
    fake.post("politics", "x1", "d", "A heated debate about taxes SCORE=10", "Everyone was shouting at once.");
    fake.subreddit("spicy", true);
    fake.post("spicy", "y1", "e", "Something not for work SCORE=10", "Adults only, a long story here.");
  }

  @AfterEach
  void stop() {
    clouvels.forEach(DurableClouvel::close);
    store.close();
    fake.close();
  }

  private DurableClouvel clouvel() {
    RedditContentSource.Builder reddit = RedditContentSource.builder().credentials("client-id", "client-secret")
        .userAgent(RedditUserAgent.parse("java:ai.clouvel.test:1.0 (by /u/clouvel_bot)"))
        .baseUrl(fake.reddit.url("/").toString()).clock(clock).sleeper(duration -> { })
        .httpSettings(new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5),
            RetryPolicy.DEFAULT));
    OpenAiClient openAi = OpenAiClient.builder().apiKey("sk-agents-test").baseUrl(fake.openAi.url("/v1").toString())
        .clock(clock).sleeper(duration -> { })
        .httpSettings(new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5),
            RetryPolicy.DEFAULT))
        .build();
    DurableClouvel clouvel = Clouvel.builder().contentSource(reddit.build())
        .communityPublisher(reddit.buildCommunityPublisher("clouvel_bot", "bot-password"))
        .decisionMaker(new OpenAiDecisionMaker(openAi, "gpt-4o-mini"))
        .publicBaseUrl("https://clouvel.test").clock(clock).ticker(new ManualTicker()).build(store);
    clouvels.add(clouvel);
    return clouvel;
  }

  private void settings(AgentKind kind, java.util.function.UnaryOperator<AgentSettings> change) {
    store.agents().saveSettings(kind, change.apply(store.agents().settings(kind)));
  }

  private static AgentSettings with(AgentSettings s, Map<ActionType, Integer> caps, List<String> subreddits,
      Set<String> deny) {
    return new AgentSettings(s.enabled(), s.dryRun(), s.interval(), caps, s.persona(), s.communitySubreddit(),
        subreddits, deny, s.cooldown(), s.minScore());
  }

  @Test
  void aDryRunDecidesOncePerItemRecordsWhyAndWritesNothingToReddit() {
    AgentRun run = clouvel().community().run(true);

    // Four items; the agent's own comment (cm3, by its account) is not one of them.
    assertThat(fake.openAiRequests).hasSize(4);
    assertThat(run.records()).extracting(AgentAction::target, AgentAction::action, AgentAction::outcome)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("t3_cl1", "welcome", "dry_run"),
            org.assertj.core.groups.Tuple.tuple("t1_cm1", "reply", "dry_run"),
            org.assertj.core.groups.Tuple.tuple("t1_cm2", "nothing", "decided"),
            org.assertj.core.groups.Tuple.tuple("t3_cl2", "reply", "dry_run"));
    assertThat(run.records()).allSatisfy(a -> {
      assertThat(a.dryRun()).isTrue();
      assertThat(a.reason()).startsWith("because ");
      assertThat(a.costMicros()).isEqualTo(270);
      assertThat(a.redditId()).isEmpty();
    });
    assertThat(run.costMicros()).isEqualTo(4 * 270);
    assertThat(fake.posted("/api/comment")).isEmpty();
    assertThat(fake.posted("/api/submit")).isEmpty();
    assertThat(fake.gets("/r/clouvel/new")).isEqualTo(1);
    assertThat(store.agents().actions(PageRequest.first(20), "community").total()).isEqualTo(4);

    assertThat(clouvel().community().run(true).decisions()).isZero();
    assertThat(fake.openAiRequests).hasSize(4);
  }

  @Test
  void aLiveRunPostsExactlyWhatWasDecidedAndNeverVotes() {
    AgentRun run = clouvel().community().run(false);

    List<Map<String, String>> comments = fake.posted("/api/comment");
    assertThat(comments).extracting(f -> f.get("thing_id"), f -> f.get("text")).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("t3_cl1", "Welcome to r/clouvel!"),
        org.assertj.core.groups.Tuple.tuple("t1_cm1", "Commissions take minutes and failed ones are refunded."),
        org.assertj.core.groups.Tuple.tuple("t3_cl2", "Commissions take minutes and failed ones are refunded."));
    assertThat(run.actions()).isEqualTo(3);
    assertThat(run.records()).filteredOn(a -> !a.action().equals("nothing")).allSatisfy(a -> {
      assertThat(a.outcome()).isEqualTo("done");
      assertThat(a.dryRun()).isFalse();
      assertThat(a.redditId()).startsWith("t1_n");
    });
    assertThat(fake.redditRequests).noneMatch(r -> r.getUrl().encodedPath().contains("vote"));

    clouvel().community().run(false);
    assertThat(fake.posted("/api/comment")).hasSize(3);
  }

  @Test
  void aNewProductIsAnnouncedOnceInTheCommunitySubredditWithItsImageAndLinks() {
    Product product = new TestData(store, clock).product("p1", "hiking", clock.instant());
    settings(AgentKind.COMMUNITY, s -> with(s, Map.of(ActionType.ANNOUNCE, 3), List.of(), Set.of()));

    AgentRun run = clouvel().community().run(false);

    assertThat(run.actions()).isEqualTo(1);
    List<Map<String, String>> submits = fake.posted("/api/submit");
    assertThat(submits).singleElement().satisfies(f -> assertThat(f)
        .containsEntry("sr", "clouvel").containsEntry("kind", "link").containsEntry("url", product.image().url())
        .containsEntry("title", "New print: a summit at dawn"));
    assertThat(fake.posted("/api/comment")).singleElement().satisfies(f -> {
      assertThat(f.get("thing_id")).startsWith("t3_n");
      assertThat(f.get("text")).contains(product.links().productUrl(), "https://clouvel.test/p/" + product.id());
    });
    // Replies and welcomes have no cap left (0), so only the product was put to the model.
    assertThat(fake.openAiRequests).hasSize(1);

    AgentAction again = clouvel().community().announce(product, CommunityAgent.Target.POST, false);
    assertThat(again.outcome()).isEqualTo("duplicate");
    assertThat(again.redditId()).isEqualTo(run.records().get(0).redditId());
    assertThat(fake.posted("/api/submit")).hasSize(1);
  }

  @Test
  void dailyCapsHoldActionsBackUntilTheNextDay() {
    settings(AgentKind.COMMUNITY, s -> with(s, Map.of(ActionType.REPLY, 1, ActionType.WELCOME, 0), List.of(),
        Set.of()));

    AgentRun first = clouvel().community().run(false);
    assertThat(first.actions()).isEqualTo(1);
    assertThat(fake.posted("/api/comment")).hasSize(1);
    assertThat(fake.openAiRequests.get(0).getBody().string(java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"enum\":[\"reply\",\"nothing\"]");
    int asked = fake.openAiRequests.size();

    AgentRun sameDay = clouvel().community().run(false);
    assertThat(sameDay.decisions()).isZero();
    assertThat(fake.openAiRequests).hasSize(asked);
    assertThat(fake.posted("/api/comment")).hasSize(1);

    clock.advance(Duration.ofDays(1));
    assertThat(clouvel().community().run(false).actions()).isEqualTo(1);
    assertThat(fake.posted("/api/comment")).hasSize(2);
  }

  @Test
  void thePromoterRatesAndPromotesTheBestPostWithACommissionLinkOutsideTheDenyList() {
    settings(AgentKind.PROMOTER, s -> with(s, Map.of(ActionType.PROMOTE, 5),
        List.of("hiking", "space", "politics", "spicy", "gone"), Set.of("Politics")));

    AgentRun run = clouvel().promoter().run(false);

    assertThat(fake.posted("/api/comment")).singleElement().satisfies(f -> {
      assertThat(f.get("thing_id")).isEqualTo("t3_h1");
      assertThat(f.get("text")).startsWith("We could paint this one!")
          .endsWith("https://clouvel.test/commission?post_id=h1");
    });
    assertThat(run.records()).extracting(AgentAction::target, AgentAction::action).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("t3_h1", "promote"), org.assertj.core.groups.Tuple.tuple("t3_h2", "nothing"),
        org.assertj.core.groups.Tuple.tuple("t3_s1", "nothing"));
    assertThat(run.records()).filteredOn(a -> a.target().equals("t3_h1")).singleElement()
        .satisfies(a -> assertThat(a.reason()).startsWith("score 9.0: because promote; idea: A print"));
    assertThat(run.records()).filteredOn(a -> a.target().equals("t3_h2")).singleElement()
        .satisfies(a -> assertThat(a.reason()).startsWith("score 6.0 (below the minimum): because promote"));
    assertThat(fake.gets("/r/politics/hot")).isZero();
    assertThat(fake.gets("/r/politics/about")).isZero();
    assertThat(fake.gets("/r/spicy/hot")).isZero();
    assertThat(fake.gets("/r/gone/hot")).isZero();
    assertThat(fake.redditRequests).noneMatch(r -> r.getUrl().encodedPath().contains("vote"));
  }

  @Test
  void thePromoterWaitsOutTheCooldownPerSubredditAndNeverActsTwiceOnAPost() {
    settings(AgentKind.PROMOTER, s -> with(s, Map.of(ActionType.PROMOTE, 5), List.of("hiking"), Set.of()));
    clouvel().promoter().run(false);
    assertThat(fake.posted("/api/comment")).hasSize(1);

    fake.post("hiking", "h3", "f", "Sunset over the ridge with two eagles SCORE=10", "They circled for an hour.");
    clock.advance(Duration.ofHours(23));
    clouvel().promoter().run(false);
    assertThat(fake.posted("/api/comment")).hasSize(1);
    assertThat(fake.gets("/r/hiking/hot")).isEqualTo(1);

    clock.advance(Duration.ofHours(2));
    clouvel().promoter().run(false);
    assertThat(fake.posted("/api/comment")).extracting(f -> f.get("thing_id")).containsExactly("t3_h1", "t3_h3");

    clock.advance(Duration.ofHours(25));
    clouvel().promoter().run(false);
    assertThat(fake.posted("/api/comment")).hasSize(2);
  }

  @Test
  void aRefusalIsRecordedAndRetriedByALaterRunWithinTheCaps() {
    settings(AgentKind.PROMOTER, s -> with(s, Map.of(ActionType.PROMOTE, 1), List.of("hiking"), Set.of()));
    fake.refusals.add(LOCKED);

    AgentRun refused = clouvel().promoter().run(false);
    assertThat(refused.refused()).isEqualTo(1);
    assertThat(refused.records()).filteredOn(a -> a.target().equals("t3_h1")).singleElement().satisfies(a -> {
      assertThat(a.outcome()).startsWith("refused:").contains("THREAD_LOCKED");
      assertThat(a.redditId()).isEmpty();
    });

    AgentRun retried = clouvel().promoter().run(false);
    assertThat(retried.actions()).isEqualTo(1);
    assertThat(retried.records()).filteredOn(a -> a.action().equals("promote")).singleElement()
        .satisfies(a -> assertThat(a.outcome()).isEqualTo("done"));
    assertThat(fake.posted("/api/comment")).extracting(f -> f.get("thing_id")).containsExactly("t3_h1", "t3_h1");

    fake.post("hiking", "h4", "g", "A fox on the trail at dawn SCORE=10", "It sat and watched us pass by.");
    clock.advance(Duration.ofHours(25));
    settings(AgentKind.PROMOTER, s -> with(s, Map.of(ActionType.PROMOTE, 1), List.of("hiking"), Set.of()));
    assertThat(clouvel().promoter().run(false).actions()).isEqualTo(1);
    assertThat(clouvel().promoter().run(false).actions()).isZero();
  }

  @Test
  void redditsRateLimitEndsTheRunAndTheRestWaitsForTheNextOne() {
    fake.refusals.add(RATE_LIMITED);

    AgentRun limited = clouvel().community().run(false);
    assertThat(limited.refused()).isEqualTo(1);
    assertThat(limited.actions()).isZero();
    assertThat(fake.posted("/api/comment")).hasSize(1);
    assertThat(limited.records()).last().satisfies(a -> assertThat(a.outcome()).contains("refused:", "540.5"));

    AgentRun next = clouvel().community().run(false);
    assertThat(next.actions()).isEqualTo(3);
    assertThat(fake.posted("/api/comment")).hasSize(4);
  }

  @Test
  void eachAgentRunsOncePerIntervalWhicheverNodeClaimsIt() throws Exception {
    settings(AgentKind.COMMUNITY, s -> s.withEnabled(true));
    List<DurableClouvel> nodes = List.of(clouvel(), clouvel(), clouvel());
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      for (int round = 0; round < 2; round++) {
        List<Callable<List<AgentRun>>> due = nodes.stream()
            .<Callable<List<AgentRun>>>map(node -> () -> node.agents().runDue()).toList();
        int runs = 0;
        for (Future<List<AgentRun>> result : pool.invokeAll(due)) {
          runs += result.get().size();
        }
        assertThat(runs).as("runs in round %d", round).isEqualTo(1);
        clock.advance(Duration.ofMinutes(30));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fake.gets("/r/clouvel/new")).isEqualTo(2);
    assertThat(fake.posted("/api/comment")).isEmpty();
  }

  @Test
  void liveRunsNeedAnAccount() {
    DurableClouvel noAccount = Clouvel.builder().contentSource(clouvel().content()).clock(clock)
        .ticker(new ManualTicker()).build(store);
    clouvels.add(noAccount);
    assertThatThrownBy(() -> noAccount.community().run(false)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> noAccount.promoter().run(false)).isInstanceOf(IllegalStateException.class);
    assertThat(fake.redditRequests).isEmpty();
  }
}
