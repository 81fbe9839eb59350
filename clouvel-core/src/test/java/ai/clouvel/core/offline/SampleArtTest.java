package ai.clouvel.core.offline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.content.Post;
import ai.clouvel.core.content.PostFilter;
import ai.clouvel.core.idea.IdeaRequest;
import ai.clouvel.core.idea.ProductIdea;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.image.ImageRequest;
import ai.clouvel.core.image.ImageSize;
import ai.clouvel.core.image.ImageStyle;
import ai.clouvel.core.internal.Hashing;
import ai.clouvel.core.offline.PaintedImageGenerator.Scene;
import ai.clouvel.core.testing.MutableClock;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The demo's art follows the idea: the 43 sample posts give pictures of their own subjects, in
 * the style their idea names, and different posts give visibly different pictures.
 */
class SampleArtTest {
  private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
  private final SampleContentSource source = new SampleContentSource(clock);
  private final TemplateIdeaGenerator ideas = new TemplateIdeaGenerator();
  private final PaintedImageGenerator painter = new PaintedImageGenerator();

  private ProductIdea idea(String postId) {
    return ideas.generate(new IdeaRequest(source.post(postId).orElseThrow(), "", "")).idea();
  }

  private Composition plan(String postId) {
    return PaintedImageGenerator.plan(idea(postId).imageDescription());
  }

  @Test
  void subjectsAreReadFromTheIdea() {
    Composition cheese = plan("1c2t02");
    assertThat(cheese.subjects()).startsWith(Subject.CAT).contains(Subject.CHEESE, Subject.FRIDGE);
    assertThat(cheese.scene()).isEqualTo(Scene.INTERIOR);
    assertThat(cheese.light()).isEqualTo("night");

    assertThat(plan("1x1h01").subjects()).contains(Subject.LIGHTHOUSE, Subject.LETTERS);
    assertThat(plan("1b6k03").subjects()).startsWith(Subject.DRAGON);
    Composition saturn = plan("1s2p03");
    assertThat(saturn.scene()).isEqualTo(Scene.COSMOS);
    assertThat(saturn.subjects()).contains(Subject.PLANET, Subject.TELESCOPE);
    assertThat(plan("1c4k02").subjects()).containsExactly(Subject.RAMEN);
    assertThat(plan("1c4k02").scene()).isEqualTo(Scene.INTERIOR);
    assertThat(plan("1l8s02").scene()).isEqualTo(Scene.SEA);
    assertThat(plan("1l8s02").subjects()).contains(Subject.SAILBOAT);
    for (String bike : List.of("1y7c01", "1y7c02", "1y7c03")) {
      assertThat(plan(bike).subjects()).as(bike).contains(Subject.BICYCLE);
    }
    Composition twoCats = plan("1c2t03");
    assertThat(twoCats.subjects()).startsWith(Subject.CAT).contains(Subject.BASKET);
    assertThat(twoCats.pair()).as("two old cats are drawn as two").isTrue();
    assertThat(plan("1x1h03").subjects()).contains(Subject.CAMEL, Subject.MAP);
    assertThat(plan("1x1h03").scene()).isEqualTo(Scene.CANYON);
    assertThat(plan("1g3d02").subjects()).contains(Subject.FLOWER, Subject.BEE);
  }

  @Test
  void theStyleTheIdeaNamesIsTheStyleOfThePicture() {
    Map<String, ArtStyle> named = new LinkedHashMap<>();
    named.put("A soft watercolor painting of a harbor", ArtStyle.WATERCOLOR);
    named.put("A bold linocut print of a harbor", ArtStyle.LINOCUT);
    named.put("An art deco poster of a harbor", ArtStyle.ART_DECO);
    named.put("A mid-century modern illustration of a harbor", ArtStyle.MID_CENTURY);
    named.put("A dreamy gouache painting of a harbor", ArtStyle.GOUACHE);
    named.put("A retro screen print of a harbor", ArtStyle.SCREEN_PRINT);
    named.put("A storybook illustration of a harbor", ArtStyle.STORYBOOK);
    named.put("An ukiyo-e inspired woodblock print of a harbor", ArtStyle.UKIYO_E);
    named.put("A minimalist flat vector illustration of a harbor", ArtStyle.FLAT_VECTOR);
    named.put("A vintage travel poster of a harbor", ArtStyle.TRAVEL_POSTER);
    named.forEach((prompt, style) -> assertThat(PaintedImageGenerator.plan(prompt).style()).as(prompt).isEqualTo(style));

    // The same scene in two styles: most of the picture differs.
    BufferedImage linocut = paint("A bold linocut print of a harbor with a sailboat", 256);
    BufferedImage watercolor = paint("A soft watercolor painting of a harbor with a sailboat", 256);
    assertThat(differingFraction(linocut, watercolor)).isGreaterThan(0.5);
    assertThat(colors(linocut)).as("a linocut has few inks").isLessThan(colors(watercolor) / 3);
  }

  @Test
  void theSamplePostsGiveVisiblyDifferentFittingPictures() {
    // The r/clouvel samples are conversation for the community agent, never suggested for art.
    List<Post> posts = source.allPosts().stream().filter(p -> !p.subreddit().equals("clouvel")).toList();
    assertThat(posts).hasSize(43);
    PostFilter filter = PostFilter.defaults();
    Set<String> plans = new HashSet<>();
    Set<Scene> scenes = new HashSet<>();
    Set<ArtStyle> styles = new HashSet<>();
    Set<Long> pictures = new HashSet<>();
    int withSubjects = 0;
    int eligible = 0;
    for (Post post : posts) {
      ProductIdea idea = ideas.generate(new IdeaRequest(post, "", "")).idea();
      Composition plan = PaintedImageGenerator.plan(idea.imageDescription());
      plans.add(plan.scene() + " " + plan.subjects());
      scenes.add(plan.scene());
      styles.add(plan.style());
      if (!filter.accepts(post, clock)) {
        continue;
      }
      eligible++;
      withSubjects += plan.subjects().isEmpty() ? 0 : 1;
      assertThat(plan.scene() == Scene.HILLS && plan.subjects().isEmpty())
          .as("%s falls back to the hills-and-cottage default", post.title()).isFalse();
      byte[] png = painter.generate(new ImageRequest(idea.imageDescription(), ImageQuality.STANDARD,
          new ImageSize(256, 256), ImageStyle.VIVID)).png();
      pictures.add(Hashing.fnv64(java.util.Base64.getEncoder().encodeToString(png)));
    }
    assertThat(eligible).isGreaterThanOrEqualTo(39);
    assertThat(pictures).as("every eligible post gets its own picture").hasSize(eligible);
    assertThat(plans).as("distinct settings and subjects across the 43 posts").hasSizeGreaterThanOrEqualTo(35);
    assertThat(scenes).as("settings used").hasSizeGreaterThanOrEqualTo(9);
    assertThat(styles).as("styles used").hasSizeGreaterThanOrEqualTo(9);
    assertThat(withSubjects).as("eligible posts with a recognisable subject").isGreaterThanOrEqualTo(eligible - 3);
    assertThat(Subject.values()).hasSizeGreaterThanOrEqualTo(40);
  }

  @Test
  void everySubjectDrawsSomethingWhereItIsAskedFor() {
    for (Subject subject : Subject.values()) {
      String word = subject.words().iterator().next();
      BufferedImage with = paint("A storybook illustration of a " + word, 128);
      BufferedImage without = paint("A storybook illustration of a nothing", 128);
      assertThat(PaintedImageGenerator.plan("A storybook illustration of a " + word).subjects()).as(word).contains(subject);
      assertThat(differingFraction(with, without)).as(subject + " leaves a mark").isGreaterThan(0.02);
    }
  }

  private BufferedImage paint(String prompt, int size) {
    try {
      return ImageIO.read(new ByteArrayInputStream(painter.generate(new ImageRequest(prompt, ImageQuality.STANDARD,
          new ImageSize(size, size), ImageStyle.VIVID)).png()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int colors(BufferedImage image) {
    Set<Integer> colors = new HashSet<>();
    // The inner part: the frame and vignette add their own shades.
    for (int y = image.getHeight() / 4; y < image.getHeight() * 3 / 4; y++) {
      for (int x = image.getWidth() / 4; x < image.getWidth() * 3 / 4; x++) {
        colors.add(image.getRGB(x, y));
      }
    }
    return colors.size();
  }

  private static double differingFraction(BufferedImage a, BufferedImage b) {
    int differing = 0;
    int total = 0;
    for (int y = 0; y < a.getHeight(); y += 2) {
      for (int x = 0; x < a.getWidth(); x += 2) {
        total++;
        if (a.getRGB(x, y) != b.getRGB(x, y)) {
          differing++;
        }
      }
    }
    return differing / (double) total;
  }
}
