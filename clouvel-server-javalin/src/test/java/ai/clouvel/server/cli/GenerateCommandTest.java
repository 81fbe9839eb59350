package ai.clouvel.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.product.Product;
import ai.clouvel.store.SqlStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  @TempDir
  Path directory;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), null);
  }

  @Test
  void generatesProductsEndToEndIntoTheStoreAndAFolder() throws Exception {
    Path folder = directory.resolve("out");
    String database = "sqlite:" + directory.resolve("clouvel.db");

    int status = run("generate", "--count", "3", "--out", folder.toString(), "--database", database);

    String output = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as(output + err).isZero();
    for (int i = 1; i <= 3; i++) {
      List<Integer> progress = progressOf(output, "[" + i + "/3]");
      // Ticks while the image is painted (41-89) come from wall time and appear on a slow machine.
      assertThat(progress.stream().filter(p -> p <= 40 || p >= 90).toList())
          .containsExactly(10, 20, 30, 40, 90, 95, 100);
      assertThat(progress).as("progress never goes back").isSorted();
    }
    try (SqlStore store = SqlStore.open(database)) {
      List<Product> products = store.products().list(PageRequest.first(10), null).items();
      assertThat(products).hasSize(3);
      for (Product product : products) {
        Path png = folder.resolve("product-" + product.id() + ".png");
        assertThat(png).exists();
        assertThat(Files.readAllBytes(png))
            .isEqualTo(store.images().find(product.image().id()).orElseThrow().bytes());
        assertThat(store.posts().find(product.postId())).isPresent();
      }
      assertThat(store.usage().totals().images()).isEqualTo(3);
    }
    String summary = Files.readString(folder.resolve("summary.json"));
    assertThat(summary).contains("\"image_file\": \"product-1.png\"", "\"post_title\"", "\"product_url\"");
    assertThat(output).contains("Done: 3 made, 0 failed");
  }

  @Test
  void badOptionsAreRefusedWithUsage() {
    assertThat(run("generate", "--count", "0")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--count must be between 1 and 100", "Usage");
    assertThat(run("generate", "--colour", "red")).isEqualTo(2);
    assertThat(run("nonsense")).isEqualTo(2);
    assertThat(run("generate", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--subreddit");
  }

  @Test
  void anUnknownSubredditFailsWithoutWritingProducts() {
    Path folder = directory.resolve("none");
    int status = run("generate", "--count", "1", "--subreddit", "doesnotexist", "--out", folder.toString(),
        "--database", "sqlite:" + directory.resolve("x.db"));
    assertThat(status).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("failed at post_fetching",
        "No eligible post found in r/doesnotexist: it has no posts");
    assertThat(folder.resolve("summary.json")).hasContent("[]");
  }

  /** The README's examples, in its order, after the demo server seeded the same database. */
  @Test
  void theReadmeExamplesSucceedAndASpentSubredditSaysWhy() throws Exception {
    String database = "sqlite:" + directory.resolve("readme.db");
    try (SqlStore store = SqlStore.open(database);
         ai.clouvel.core.Clouvel clouvel = ai.clouvel.core.Clouvel.builder().build(store)) {
      assertThat(new ai.clouvel.server.seed.DemoSeeder(clouvel, store).seedIfEmpty(12)).hasSize(12);
    }
    assertThat(run("generate", "--count", "3", "--database", database, "--out", directory.resolve("g").toString()))
        .as(out.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(run("generate", "--count", "3", "--subreddit", "space", "--quality", "hd", "--out",
        directory.resolve("art").toString(), "--database", database)).as(out.toString(StandardCharsets.UTF_8)).isZero();

    out.reset();
    int status = run("generate", "--count", "5", "--subreddit", "space", "--out", directory.resolve("more").toString(),
        "--database", database);
    String output = out.toString(StandardCharsets.UTF_8);
    assertThat(status).isEqualTo(1);
    assertThat(output).containsPattern("No eligible post found in r/space: of its 7 posts, \\d were already illustrated");
  }

  private static List<Integer> progressOf(String output, String prefix) {
    Matcher matcher = Pattern.compile(Pattern.quote(prefix) + "\\s+(\\d+)%").matcher(output);
    List<Integer> percents = new java.util.ArrayList<>();
    while (matcher.find()) {
      percents.add(Integer.parseInt(matcher.group(1)));
    }
    return percents;
  }
}
