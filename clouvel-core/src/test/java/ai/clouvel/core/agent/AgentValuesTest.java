package ai.clouvel.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.offline.OfflineCommunityPublisher;
import ai.clouvel.core.offline.RuleDecisionMaker;
import ai.clouvel.core.usage.Usage;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentValuesTest {
  private final RuleDecisionMaker rules = new RuleDecisionMaker();

  @Test
  void settingsNormaliseNamesAndRefuseNonsense() {
    AgentSettings s = new AgentSettings(true, false, Duration.ofMinutes(5), Map.of(ActionType.REPLY, 3,
        ActionType.NOTHING, 9), Persona.DEFAULT, "/r/prints", List.of("r/hiking", "hiking", " "), Set.of("R/Politics"),
        Duration.ofHours(1), 7);
    assertThat(s.communitySubreddit()).isEqualTo("prints");
    assertThat(s.subreddits()).containsExactly("hiking");
    assertThat(s.denyList()).containsExactly("politics");
    assertThat(s.allows("politics")).isFalse();
    assertThat(s.allows("hiking")).isTrue();
    assertThat(s.capOf(ActionType.REPLY)).isEqualTo(3);
    assertThat(s.capOf(ActionType.WELCOME)).isZero();
    assertThat(s.dailyCaps()).doesNotContainKey(ActionType.NOTHING);
    assertThat(s.withEnabled(false).enabled()).isFalse();

    assertThatThrownBy(() -> new AgentSettings(true, true, Duration.ofSeconds(30), Map.of(), Persona.DEFAULT,
        "clouvel", List.of(), Set.of(), Duration.ZERO, 7)).hasMessageContaining("interval");
    assertThatThrownBy(() -> new AgentSettings(true, true, Duration.ofMinutes(5), Map.of(ActionType.REPLY, -1),
        Persona.DEFAULT, "clouvel", List.of(), Set.of(), Duration.ZERO, 7)).hasMessageContaining("daily cap");
    assertThatThrownBy(() -> new AgentSettings(true, true, Duration.ofMinutes(5), Map.of(), Persona.DEFAULT,
        "not a sub!", List.of(), Set.of(), Duration.ZERO, 7)).hasMessageContaining("subreddit");
    assertThatThrownBy(() -> new AgentSettings(true, true, Duration.ofMinutes(5), Map.of(), Persona.DEFAULT,
        "clouvel", List.of(), Set.of(), Duration.ZERO, 11)).hasMessageContaining("min score");
    assertThat(AgentSettings.defaults(AgentKind.COMMUNITY).dryRun()).isTrue();
    assertThat(AgentSettings.defaults(AgentKind.PROMOTER).enabled()).isFalse();
  }

  @Test
  void decisionsAndPersonasAreChecked() {
    assertThatThrownBy(() -> new Decision(ActionType.REPLY, "why", " ", 0, "", Usage.free("m")))
        .hasMessageContaining("reply needs a text");
    assertThatThrownBy(() -> new Decision(ActionType.NOTHING, "why", "", 10.5, "", Usage.free("m")))
        .hasMessageContaining("score");
    assertThatThrownBy(() -> new Persona(" ", "prompt")).hasMessageContaining("name");
    assertThatThrownBy(() -> new Persona("n", "x".repeat(4_001))).hasMessageContaining("system prompt");
    DecisionRequest request = new DecisionRequest(AgentKind.COMMUNITY, Persona.DEFAULT,
        new AgentItem("t3_a", AgentItem.Kind.POST, "a", "clouvel", "x", "t", ""), EnumSet.of(ActionType.REPLY), null);
    assertThat(request.allowed()).containsExactlyInAnyOrder(ActionType.REPLY, ActionType.NOTHING);
  }

  @Test
  void theOfflineRulesWelcomeAnswerAnnounceAndRateOnlyWithinTheAllowedActions() {
    AgentItem hello = new AgentItem("t3_a", AgentItem.Kind.POST, "a", "clouvel", "fay", "Hi everyone, new here!", "");
    assertThat(decide(AgentKind.COMMUNITY, hello, ActionType.REPLY, ActionType.WELCOME).action())
        .isEqualTo(ActionType.WELCOME);
    assertThat(decide(AgentKind.COMMUNITY, hello, ActionType.REPLY).action()).isEqualTo(ActionType.NOTHING);
    AgentItem question = new AgentItem("t1_b", AgentItem.Kind.COMMENT, "a", "clouvel", "sam", "Hi everyone, new here!",
        "How long does it take?");
    Decision answer = decide(AgentKind.COMMUNITY, question, ActionType.REPLY, ActionType.WELCOME);
    assertThat(answer.action()).isEqualTo(ActionType.REPLY);
    assertThat(answer.text()).contains("u/sam", "refunded");
    AgentItem product = new AgentItem("product:7", AgentItem.Kind.PRODUCT, "a", "clouvel", "", "Whitney at Dawn", "");
    assertThat(decide(AgentKind.COMMUNITY, product, ActionType.ANNOUNCE).text()).contains("Whitney at Dawn");

    AgentItem story = new AgentItem("t3_c", AgentItem.Kind.POST, "c", "hiking", "tess",
        "Finally reached the summit of Mount Whitney at sunrise", "x".repeat(300));
    Decision rated = decide(AgentKind.PROMOTER, story, ActionType.PROMOTE);
    assertThat(rated.action()).isEqualTo(ActionType.PROMOTE);
    assertThat(rated.score()).isBetween(7.0, 10.0);
    assertThat(rated.idea()).contains("Mount Whitney");
    AgentItem thin = new AgentItem("t3_d", AgentItem.Kind.POST, "d", "hiking", "x", "Look at this", "");
    assertThat(decide(AgentKind.PROMOTER, thin, ActionType.PROMOTE).action()).isEqualTo(ActionType.NOTHING);
    assertThat(rated.usage().costMicros()).isZero();
  }

  @Test
  void theOfflinePublisherKeepsWhatItWasAskedToPost() {
    OfflineCommunityPublisher publisher = new OfflineCommunityPublisher();
    assertThat(publisher.reply("t1_x", "hi")).isEqualTo("t1_off1");
    assertThat(publisher.submitImage("clouvel", "Art", "http://img/a.png")).isEqualTo("t3_off2");
    assertThat(publisher.posted()).extracting(OfflineCommunityPublisher.Posted::where)
        .containsExactly("t1_x", "r/clouvel");
  }

  private Decision decide(AgentKind agent, AgentItem item, ActionType... allowed) {
    return rules.decide(new DecisionRequest(agent, Persona.DEFAULT, item, Set.of(allowed), ""));
  }
}
