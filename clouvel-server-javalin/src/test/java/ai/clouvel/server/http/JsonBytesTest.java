package ai.clouvel.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link JsonBytes}' own values are what Moshi (or the JDK, for amounts) writes for the same values. */
class JsonBytesTest {
  private final Json json = new Json();

  @Test
  void everyCharacterThatMayNeedAnEscapeIsFoundWhereverItSits() {
    List<String> specials = new ArrayList<>();
    for (char c = 0; c < 0x20; c++) {
      specials.add(String.valueOf(c));
    }
    specials.addAll(List.of("\"", "\\", "\u2028", "\u2029", "é", "€", "日", "😀", "\u007f", "\u0080", "\u00ff"));
    for (String special : specials) {
      for (int length = 0; length <= 19; length++) {
        for (int at = 0; at <= length; at++) {
          String text = "a".repeat(at) + special + "b".repeat(length - at);
          assertThat(written(text)).as("%s at %d of %d", escapeForMessage(special), at, length).isEqualTo(moshi(text));
        }
      }
    }
    for (int length = 0; length <= 19; length++) {
      String plain = "x".repeat(length);
      assertThat(written(plain)).isEqualTo("\"" + plain + "\"");
    }
  }

  @Test
  void stringsThatNeedNoEscapeButAreNotAsciiAndLongStringsAreWrittenAsMoshiWritesThem() {
    // No quote, backslash or control character: the writer copies their UTF-8 unchanged, except
    // where a 0xE2 lead byte may be U+2028 or U+2029 and an unpaired surrogate.
    for (String text : List.of("café 日本 😀", "only \u2028 here", "\u2029", "€ and ™ start with 0xE2",
        "lone \uD800 surrogate", "\uDFFF", "plain ascii", "",
        // Long strings whose escapes or wide characters outgrow the buffer many times over.
        "\u2028".repeat(9_000), "\u0001\"\\\n".repeat(5_000), "é€😀".repeat(4_000) + "x", "a".repeat(40_000) + "\u2029")) {
      assertThat(written(text)).isEqualTo(moshi(text));
    }
  }

  @Test
  void amountsAreWrittenAsBigDecimalWritesThem() {
    for (long cents : new long[] {0, 1, 9, 10, 99, 100, 101, 999, 1_000, 123_456, Long.MAX_VALUE, -1, -9, -10, -99, -100,
        -101, -123_456, Long.MIN_VALUE, Long.MIN_VALUE + 1}) {
      String written = new String(new JsonBytes(4).usd(cents).toByteArray(), StandardCharsets.UTF_8);
      assertThat(written).as("%d cents", cents).isEqualTo("\"" + BigDecimal.valueOf(cents, 2).toPlainString() + "\"");
    }
  }

  @Test
  void wholeNumbersAreWrittenAsLongWritesThem() {
    for (long value : new long[] {0, 7, 9, 10, 11, 99, 100, 1_000_000, Long.MAX_VALUE, -1, -9, -10, -12_345,
        Long.MIN_VALUE, Long.MIN_VALUE + 1, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
      assertThat(new String(new JsonBytes(4).value(value).toByteArray(), StandardCharsets.UTF_8))
          .isEqualTo(Long.toString(value));
    }
  }

  @Test
  void namesAndTextsMadeOnceRefuseWhatWouldNeedAnEscape() {
    assertThat(new String(new JsonBytes(4).beginObject().name(JsonBytes.Name.of("a_b")).value(JsonBytes.Text.of("c d"))
        .endObject().toByteArray(), StandardCharsets.UTF_8)).isEqualTo("{\"a_b\":\"c d\"}");
    for (String bad : List.of("a\"b", "a\\b", "tab\t", "café", "\u007f")) {
      org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> JsonBytes.Name.of(bad));
      org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> JsonBytes.Text.of(bad));
    }
  }

  private static String written(String text) {
    return new String(new JsonBytes(4).value(text).toByteArray(), StandardCharsets.UTF_8);
  }

  private String moshi(String text) {
    return new String(json.moshiBytes(text), StandardCharsets.UTF_8);
  }

  private static String escapeForMessage(String special) {
    return special.chars().mapToObj(c -> String.format("U+%04X", c)).reduce("", String::concat);
  }
}
