package ai.clouvel.agents.testing;

import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Short ways to build mock responses and read recorded requests. */
public final class Responses {
  private Responses() {
  }

  public static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  public static MockResponse json(String body) {
    return json(200, body);
  }

  public static MockResponse status(int code, String header, String value) {
    return new MockResponse.Builder().code(code).addHeader(header, value).body("{\"error\":\"busy\"}").build();
  }

  public static String body(RecordedRequest request) {
    return request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
  }
}
