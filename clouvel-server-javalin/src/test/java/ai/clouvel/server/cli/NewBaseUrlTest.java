package ai.clouvel.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.pipeline.PipelineRequest;
import ai.clouvel.core.pipeline.PostSelection;
import ai.clouvel.core.pipeline.ProgressListener;
import ai.clouvel.server.ClouvelServer;
import ai.clouvel.server.http.Json;
import ai.clouvel.server.testing.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Products made by the command line (default base URL) and by a server on one port keep working
 * images and links after the server restarts on another port and host: links are stored as paths
 * and shown with the current {@code PUBLIC_BASE_URL}.
 */
class NewBaseUrlTest {
  @TempDir
  Path directory;

  private final HttpClient http = HttpClient.newHttpClient();
  private final Json json = new Json();

  @Test
  void imagesAndLinksFollowTheCurrentBaseUrl() throws Exception {
    String database = "sqlite:" + directory.resolve("moving.db");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Main.run(List.of("generate", "--count", "1", "--database", database, "--out",
        directory.resolve("art").toString()), new PrintStream(out, true, StandardCharsets.UTF_8), System.err, null);
    assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();

    int firstPort = FreePorts.free();
    try (ClouvelServer first = ClouvelServer.fromEnvironment(Map.of("PORT", String.valueOf(firstPort),
        "DATABASE_URL", database, "WORKERS", "0", "SEED_DEMO", "false")).start()) {
      first.clouvel().pipeline().run(PipelineRequest.of(PostSelection.fromSubreddit("cats")), ProgressListener.none());
      assertThat(imageUrls(first.baseUrl())).hasSize(2).allMatch(url -> url.startsWith(first.baseUrl() + "/images/"));
    }

    int secondPort = FreePorts.free();
    String newBase = "http://127.0.0.1:" + secondPort;
    try (ClouvelServer second = ClouvelServer.fromEnvironment(Map.of("PORT", String.valueOf(secondPort),
        "PUBLIC_BASE_URL", newBase, "DATABASE_URL", database, "WORKERS", "0", "SEED_DEMO", "false")).start()) {
      Map<String, Object> page = json.readObject(get(newBase + "/api/generated_products").body());
      List<?> items = (List<?>) page.get("items");
      assertThat(items).hasSize(2);
      for (Object entry : items) {
        Map<?, ?> product = (Map<?, ?>) entry;
        long id = ((BigDecimal) product.get("id")).longValue();
        String imageUrl = (String) product.get("image_url");
        assertThat(imageUrl).startsWith(newBase + "/images/");
        assertThat(product.get("product_url")).isEqualTo(newBase + "/p/" + id);
        assertThat(product.get("affiliate_url")).isEqualTo(newBase + "/p/" + id + "?ref=clouvel");
        HttpResponse<byte[]> image = http.send(HttpRequest.newBuilder(URI.create(imageUrl)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).as(imageUrl).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.body()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        String productPage = get(newBase + "/p/" + id).body();
        assertThat(productPage).contains("src=\"" + imageUrl + "\"").doesNotContain("localhost:8000",
            "localhost:" + firstPort);
      }
    }
  }

  private List<String> imageUrls(String base) throws Exception {
    List<?> items = (List<?>) json.readObject(get(base + "/api/generated_products").body()).get("items");
    return items.stream().map(item -> (String) ((Map<?, ?>) item).get("image_url")).toList();
  }

  private HttpResponse<String> get(String url) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return response;
  }

}
