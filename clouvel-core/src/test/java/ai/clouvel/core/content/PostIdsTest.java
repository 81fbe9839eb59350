package ai.clouvel.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostIdsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "1abc2d", "t3_1abc2d", "  1ABC2D ",
      "https://www.reddit.com/r/hiking/comments/1abc2d/finally_reached_the_summit/",
      "https://www.reddit.com/r/hiking/comments/1abc2d/finally_reached_the_summit/?utm_source=share",
      "https://old.reddit.com/r/hiking/comments/1abc2d",
      "http://reddit.com/comments/1abc2d",
      "www.reddit.com/r/hiking/comments/1abc2d/x/",
      "https://np.reddit.com/r/hiking/comments/1abc2d/x/abc123/",
      "https://redd.it/1abc2d"})
  void normalisesEveryWayToReferToAPost(String reference) {
    assertThat(PostIds.normalize(reference)).hasValue("1abc2d");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not an id", "https://www.reddit.com/r/hiking/",
      "https://example.com/comments/1abc2d", "1abc-2d", "t3_", "https://www.reddit.com/user/someone"})
  void rejectsWhatIsNotAPost(String reference) {
    assertThat(PostIds.normalize(reference)).isEmpty();
  }
}
