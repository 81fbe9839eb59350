package ai.clouvel.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.donation.DonationSource;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.Donor;
import ai.clouvel.core.donation.NewDonation;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.pipeline.PipelineRequest;
import ai.clouvel.core.pipeline.PostSelection;
import ai.clouvel.core.pipeline.ProgressListener;
import ai.clouvel.core.product.Product;
import ai.clouvel.server.ClouvelServer;
import ai.clouvel.server.testing.FreePorts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gallery and bulk donations, written by their direct writers, go out whole: with their length
 * to a client that accepts no encoding, and compressed (and complete) to one that accepts gzip,
 * with the response cache off and on.
 */
class HotAnswersOverHttpTest {
  @TempDir
  Path directory;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void answersCarryTheirLengthOrAreCompressedWhole() throws Exception {
    for (String cacheTtl : List.of("0", "5")) {
      int port = FreePorts.free();
      try (ClouvelServer server = ClouvelServer.fromEnvironment(Map.of("PORT", String.valueOf(port),
          "DATABASE_URL", "sqlite:" + directory.resolve("hot-" + cacheTtl + ".db"), "WORKERS", "0",
          "SEED_DEMO", "false", "CACHE_TTL_SECONDS", cacheTtl)).start()) {
        List<Long> ids = new ArrayList<>();
        for (String subreddit : List.of("cats", "space", "hiking", "books")) {
          Product product = server.clouvel().pipeline().run(PipelineRequest.of(PostSelection.fromSubreddit(subreddit)),
              ProgressListener.none()).product();
          ids.add(product.id());
          // Answers longer than Jetty's response buffer (32 KiB), which it would otherwise measure itself.
          for (int i = 0; i < 15; i++) {
            server.clouvel().store().donations().insert(new NewDonation("hot_" + subreddit + i, DonationSource.MANUAL,
                DonationStatus.SUCCEEDED, Money.ofCents(405), "bronze", DonationType.SUPPORT, null, subreddit,
                product.postId(), new Donor("dana@example.com", "Dana \"Quoted\" Donor", "dana", false),
                "café 日本 😀 ".repeat(30), null, null));
          }
        }
        String idList = String.join(",", ids.stream().map(String::valueOf).toList());
        for (String path : List.of("/api/generated_products?limit=20", "/api/generated_products/bulk_donations?supports_limit=100&product_ids="
            + idList)) {
          HttpResponse<byte[]> plain = get(server.baseUrl() + path, null);
          assertThat(plain.statusCode()).as(path).isEqualTo(200);
          assertThat(plain.headers().firstValue("Transfer-Encoding")).as(path).isEmpty();
          assertThat(plain.headers().firstValueAsLong("Content-Length")).as(path).hasValue(plain.body().length);
          String json = new String(plain.body(), StandardCharsets.UTF_8);
          assertThat(json).as(path).startsWith("{\"items\":[{").endsWith("}").contains(":" + ids.get(3) + ",",
              "\"amount_usd\":\"" + (path.contains("bulk") ? "4.05" : "60.75") + "\"");
          assertThat(plain.body().length).as("large enough to be compressed").isGreaterThan(1_500);
          if (path.contains("bulk")) {
            assertThat(plain.body().length).as("larger than Jetty's buffer").isGreaterThan(32 * 1024);
          }

          HttpResponse<byte[]> gzip = get(server.baseUrl() + path, "gzip");
          assertThat(gzip.statusCode()).isEqualTo(200);
          assertThat(gzip.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
          assertThat(gzip.body().length).isLessThan(plain.body().length);
          assertThat(new String(gunzip(gzip.body()), StandardCharsets.UTF_8)).as(path).isEqualTo(json);

          // An encoding the server does not compress with: the whole body, chunked or not.
          HttpResponse<byte[]> identity = get(server.baseUrl() + path, "identity");
          assertThat(identity.headers().firstValue("Content-Encoding")).as(path).isEmpty();
          assertThat(new String(identity.body(), StandardCharsets.UTF_8)).as(path).isEqualTo(json);
          if (cacheTtl.equals("5")) {
            String etag = plain.headers().firstValue("ETag").orElseThrow();
            HttpResponse<byte[]> unchanged = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(unchanged.statusCode()).as(path).isEqualTo(304);
            assertThat(unchanged.body()).as(path).isEmpty();
          }
        }
      }
    }
  }

  private HttpResponse<byte[]> get(String url, String acceptEncoding) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (acceptEncoding != null) {
      request.header("Accept-Encoding", acceptEncoding);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] gunzip(byte[] compressed) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return in.readAllBytes();
    }
  }
}
