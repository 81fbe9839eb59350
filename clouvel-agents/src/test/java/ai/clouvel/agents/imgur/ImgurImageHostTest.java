package ai.clouvel.agents.imgur;

import static ai.clouvel.agents.testing.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.agents.http.HttpSettings;
import ai.clouvel.agents.http.RetryPolicy;
import ai.clouvel.core.image.HostedImage;
import ai.clouvel.core.provider.BadResponseException;
import ai.clouvel.core.provider.RateLimitedException;
import ai.clouvel.test.time.MutableClock;
import ai.clouvel.test.time.RecordingSleeper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class ImgurImageHostTest {
  @StartStop
  private final MockWebServer server = new MockWebServer();

  private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);

  private ImgurImageHost host(int attempts) {
    return ImgurImageHost.builder().clientId("imgur-client-123").baseUrl(server.url("/").toString())
        .clock(clock).sleeper(sleeper)
        .httpSettings(HttpSettings.DEFAULT.withRetry(new RetryPolicy(attempts, Duration.ofSeconds(1),
            Duration.ofSeconds(4), 0, Duration.ofSeconds(30))))
        .build();
  }

  @Test
  void uploadsAnonymouslyAsMultipartImage() throws Exception {
    server.enqueue(json("{\"data\":{\"id\":\"aBc123\",\"link\":\"https://i.imgur.com/aBc123.png\"},\"success\":true,\"status\":200}"));
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    HostedImage hosted = host(3).host(png, 42);
    assertThat(hosted).isEqualTo(new HostedImage("aBc123", "https://i.imgur.com/aBc123.png"));
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/3/image");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Client-ID imgur-client-123");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("multipart/form-data");
    String body = request.getBody().string(StandardCharsets.ISO_8859_1);
    assertThat(body).contains("name=\"image\"; filename=\"product-42.png\"", "Content-Type: image/png", "PNG");
  }

  @Test
  void retriesThenReportsRateLimits() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").body("{}").build());
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").body("{}").build());
    assertThatThrownBy(() -> host(2).host(new byte[] {1}, 1)).isInstanceOf(RateLimitedException.class);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void malformedAnswersAreBadResponses() {
    server.enqueue(json("{\"data\":{\"error\":\"nope\"},\"success\":false}"));
    assertThatThrownBy(() -> host(1).host(new byte[] {1}, 1)).isInstanceOf(BadResponseException.class);
    server.enqueue(json("<html>"));
    assertThatThrownBy(() -> host(1).host(new byte[] {1}, 1)).isInstanceOf(BadResponseException.class);
  }

  @Test
  void needsAClientId() {
    assertThatThrownBy(() -> ImgurImageHost.builder().build()).hasMessageContaining("IMGUR_CLIENT_ID");
  }
}
