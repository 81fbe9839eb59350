package ai.clouvel.agents.openai;

import static ai.clouvel.agents.testing.Responses.body;
import static ai.clouvel.agents.testing.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.agents.http.HttpSettings;
import ai.clouvel.agents.http.RetryPolicy;
import ai.clouvel.core.agent.ActionType;
import ai.clouvel.core.agent.AgentItem;
import ai.clouvel.core.agent.AgentKind;
import ai.clouvel.core.agent.Decision;
import ai.clouvel.core.agent.DecisionRequest;
import ai.clouvel.core.agent.Persona;
import ai.clouvel.core.provider.BadResponseException;
import ai.clouvel.core.provider.ContentRejectedException;
import ai.clouvel.test.time.MutableClock;
import ai.clouvel.test.time.RecordingSleeper;
import java.time.Duration;
import java.util.EnumSet;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class OpenAiDecisionMakerTest {
  private static final String KEY = "sk-test-decisions-123";

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");

  private final AgentItem newcomer = new AgentItem("t3_1cl001", AgentItem.Kind.POST, "1cl001", "clouvel",
      "first_timer_fay", "Hi everyone, new here!", "Found this sub through a print.");

  private OpenAiDecisionMaker maker() {
    OpenAiClient client = OpenAiClient.builder().apiKey(KEY).baseUrl(server.url("/v1").toString()).clock(clock)
        .sleeper(new RecordingSleeper(clock))
        .httpSettings(new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5),
            RetryPolicy.DEFAULT))
        .build();
    return new OpenAiDecisionMaker(client, "gpt-4o-mini");
  }

  private static String chat(String content) {
    return """
        {"id":"chatcmpl-9","model":"gpt-4o-mini","choices":[{"index":0,
          "message":{"role":"assistant","content":%s,"refusal":null},"finish_reason":"stop"}],
          "usage":{"prompt_tokens":1000,"completion_tokens":200,"total_tokens":1200}}"""
        .formatted("\"" + content.replace("\"", "\\\"") + "\"");
  }

  @Test
  void oneStructuredCallPerItemWithThePersonaAndOnlyTheAllowedActions() throws Exception {
    server.enqueue(json(chat("{\"action\":\"welcome\",\"reason\":\"a newcomer says hello\","
        + "\"text\":\"Welcome, Fay!\",\"score\":3,\"idea\":\"\"}")));
    Persona persona = new Persona("Pixel", "You are Pixel, a cheerful painter.");

    Decision decision = maker().decide(new DecisionRequest(AgentKind.COMMUNITY, persona, newcomer,
        EnumSet.of(ActionType.REPLY, ActionType.WELCOME), "You are in r/clouvel."));

    assertThat(decision.action()).isEqualTo(ActionType.WELCOME);
    assertThat(decision.reason()).isEqualTo("a newcomer says hello");
    assertThat(decision.text()).isEqualTo("Welcome, Fay!");
    assertThat(decision.usage().costMicros()).isEqualTo(270);
    assertThat(server.getRequestCount()).isEqualTo(1);
    RecordedRequest request = server.takeRequest();
    String sent = body(request);
    assertThat(sent).contains("You are Pixel, a cheerful painter.", "\"name\":\"agent_decision\"", "\"strict\":true",
        "\"enum\":[\"reply\",\"welcome\",\"nothing\"]", "u/first_timer_fay", "Hi everyone, new here!",
        "You are in r/clouvel.");
  }

  @Test
  void theModelsScoreAndIdeaComeBackForThePromoter() {
    server.enqueue(json(chat("{\"action\":\"promote\",\"reason\":\"vivid\",\"text\":\"We could paint this!\","
        + "\"score\":12,\"idea\":\"A summit at dawn\"}")));
    Decision decision = maker().decide(new DecisionRequest(AgentKind.PROMOTER, Persona.DEFAULT, newcomer,
        EnumSet.of(ActionType.PROMOTE), ""));
    assertThat(decision.score()).isEqualTo(10);
    assertThat(decision.idea()).isEqualTo("A summit at dawn");
  }

  @Test
  void anActionOutsideTheAllowedOnesOrARefusalIsNotADecision() {
    server.enqueue(json(chat("{\"action\":\"promote\",\"reason\":\"x\",\"text\":\"t\",\"score\":1,\"idea\":\"\"}")));
    assertThatThrownBy(() -> maker().decide(new DecisionRequest(AgentKind.COMMUNITY, Persona.DEFAULT, newcomer,
        EnumSet.of(ActionType.REPLY), ""))).isInstanceOf(BadResponseException.class).hasMessageContaining("promote");

    server.enqueue(json("""
        {"id":"c","model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":null,
          "refusal":"I can't help with that."},"finish_reason":"stop"}]}"""));
    assertThatThrownBy(() -> maker().decide(new DecisionRequest(AgentKind.COMMUNITY, Persona.DEFAULT, newcomer,
        EnumSet.of(ActionType.REPLY), ""))).isInstanceOf(ContentRejectedException.class);
  }
}
