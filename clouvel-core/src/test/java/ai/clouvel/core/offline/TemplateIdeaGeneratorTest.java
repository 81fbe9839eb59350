package ai.clouvel.core.offline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.content.Post;
import ai.clouvel.core.idea.GeneratedIdea;
import ai.clouvel.core.idea.IdeaRequest;
import ai.clouvel.core.idea.ProductIdea;
import ai.clouvel.core.testing.MutableClock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateIdeaGeneratorTest {
  private final SampleContentSource source = new SampleContentSource(MutableClock.at("2026-11-24T12:00:00Z"));
  private final TemplateIdeaGenerator generator = new TemplateIdeaGenerator();

  @Test
  void differentPostsGiveDifferentIdeas() {
    Set<String> descriptions = new HashSet<>();
    Set<String> titles = new HashSet<>();
    List<Post> posts = source.allPosts();
    for (Post post : posts) {
      ProductIdea idea = generator.generate(new IdeaRequest(post, "", "")).idea();
      descriptions.add(idea.imageDescription());
      titles.add(idea.imageTitle());
    }
    assertThat(descriptions).hasSize(posts.size());
    assertThat(titles).hasSize(posts.size());
  }

  @Test
  void usesThePostsOwnWords() {
    Post whitney = source.post("1h1k01").orElseThrow();
    ProductIdea idea = generator.generate(new IdeaRequest(whitney, "", "")).idea();
    String all = (idea.theme() + " " + idea.imageTitle() + " " + idea.imageDescription()).toLowerCase(Locale.ROOT);
    assertThat(all).contains("whitney", "summit");
    assertThat(idea.imageTitle()).isEqualTo("Finally Reached the Summit of Mount Whitney");
    assertThat(idea.imageDescription()).contains("r/hiking");
  }

  @Test
  void commentsAndTheCommissionMessageShapeTheIdea() {
    Post post = source.post("1c2t01").orElseThrow();
    GeneratedIdea plain = generator.generate(new IdeaRequest(post, "", ""));
    GeneratedIdea wished = generator.generate(new IdeaRequest(post,
        "u/x said: marmalade marmalade marmalade", "Make it purple"));
    assertThat(wished.idea().imageDescription()).contains("Make it purple").contains("marmalade");
    assertThat(plain.idea().imageDescription()).doesNotContain("marmalade");
  }

  @Test
  void isDeterministicAndVersioned() {
    Post post = source.post("1l8s01").orElseThrow();
    GeneratedIdea first = generator.generate(new IdeaRequest(post, "", ""));
    GeneratedIdea second = generator.generate(new IdeaRequest(post, "", ""));
    assertThat(first).isEqualTo(second);
    assertThat(first.promptVersion()).isEqualTo(TemplateIdeaGenerator.PROMPT_VERSION);
    assertThat(first.usage().costMicros()).isZero();
  }

  @Test
  void verbsAndFillerRankBelowNouns() {
    Post post = source.post("1g3d02").orElseThrow();
    List<String> keywords = TemplateIdeaGenerator.keywords(post, "");
    assertThat(keywords.subList(0, 3)).doesNotContain("turned").contains("wildflower");
  }

  @Test
  void titlesEndWhereAPhraseEnds() {
    assertThat(TemplateIdeaGenerator.title("A foggy morning in the redwoods made the whole trail feel enchanted"))
        .isEqualTo("A foggy morning in the redwoods");
    assertThat(TemplateIdeaGenerator.title("Slot canyon light beams in Arizona look like something from another planet"))
        .isEqualTo("Slot canyon light beams in Arizona");
    assertThat(TemplateIdeaGenerator.title("After a thousand attempts I finally poured a swan in latte art"))
        .isEqualTo("I finally poured a swan in latte art");
    assertThat(TemplateIdeaGenerator.title("Two old cats who hated each other now nap in the same basket"))
        .isEqualTo("Two old cats");
    assertThat(TemplateIdeaGenerator.title("Watched a storm roll in from the harbor while the boats rocked at anchor"))
        .isEqualTo("Watched a storm roll in from the harbor");
    Set<String> noEnd = Set.of("a", "an", "the", "of", "to", "in", "on", "at", "for", "my", "our", "with", "from",
        "by", "its", "his", "her", "their", "into", "over", "and", "but", "finally", "still", "made", "look", "has",
        "captured", "makes", "i", "we");
    for (Post post : source.allPosts()) {
      String title = generator.generate(new IdeaRequest(post, "", "")).idea().imageTitle();
      String[] words = title.split(" ");
      assertThat(words.length).as(title).isBetween(1, 8);
      if (words.length < post.title().split("\\s+").length) {
        assertThat(noEnd).as("\"%s\" ends mid-phrase", title).doesNotContain(words[words.length - 1].toLowerCase(Locale.ROOT));
      }
      assertThat(post.title().toLowerCase(Locale.ROOT).replaceAll("[,;:.!?]", ""))
          .as("the title is the post's own words").contains(title.toLowerCase(Locale.ROOT));
    }
  }
}
