package ai.clouvel.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.server.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The list envelopes' direct writers write exactly what Moshi writes, whatever their items. */
class FastJsonTest {
  /** Quotes, backslashes, controls, line separators, accents, CJK and an emoji (a surrogate pair). */
  private static final String AWKWARD = "Say \"hi\" \\ to\tthe\nworld\r\b\f\u0001\u001f \u2028\u2029 café 日本 😀 <a&b>=";

  private final Json json = new Json();

  FastJsonTest() {
    FastJson.register(json);
  }

  private static ApiModels.DonationJson donation(long id, String message, String commissionType) {
    return new ApiModels.DonationJson(id, 2500 + id, "25.00", "gold", "support", commissionType, "succeeded",
        "Dana", null, message, "hiking", "abc", "2026-11-24T12:00:00Z");
  }

  private static ApiModels.ProductJson product(ApiModels.PostJson post, ApiModels.DonationJson commission) {
    return new ApiModels.ProductJson(42, "abc", "hiking", AWKWARD, "Theme", "Title", "A description",
        "http://localhost/images/x.png", "https://www.zazzle.com/api/create/at-1?pd=1&t=\"x\"", "https://z/x?rf=1",
        "http://localhost/p/42", "256344169523425346", "v1", "gpt-4o-mini", "dall-e-3", "hd",
        "2026-11-24T12:00:00Z", post, commission, new ApiModels.SupportJson(3, 750, "7.50"));
  }

  @Test
  void aGalleryPageIsWrittenAsMoshiWritesIt() {
    ApiModels.PostJson post = new ApiModels.PostJson("abc", "hiking", AWKWARD, "author", "https://reddit/x", -5,
        Integer.MAX_VALUE, "2026-11-24T12:00:00Z");
    List<Object> items = new ArrayList<>();
    items.add(product(post, donation(1, AWKWARD, "random_subreddit")));
    items.add(product(null, null));
    ApiModels.PageJson page = new ApiModels.PageJson(items, Long.MAX_VALUE, 20, 0);

    assertSameAsMoshi(page);
  }

  @Test
  void valuesWithoutADirectWriterInsideAPageGoThroughMoshi() {
    ApiModels.PageJson page = new ApiModels.PageJson(List.of(Map.of("key", AWKWARD), new ApiModels.SupportJson(1, 2,
        "0.02")), 2, 10, 5);

    assertSameAsMoshi(page);
    assertThat(new String(json.writeBytes(page), StandardCharsets.UTF_8)).contains("\"key\":");
    assertSameAsMoshi(ApiModels.ItemsJson.of(List.of(donation(1, AWKWARD, null), Map.of("n", 1))));
  }

  private void assertSameAsMoshi(Object value) {
    String direct = new String(json.writeBytes(value), StandardCharsets.UTF_8);
    String moshi = new String(json.moshiBytes(value), StandardCharsets.UTF_8);
    assertThat(direct).isEqualTo(moshi);
    assertThat(json.writeBytes(value)).isEqualTo(json.moshiBytes(value));
  }
}
