package ai.clouvel.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link IsoTime} writes exactly what {@link Instant#toString()} writes. */
class IsoTimeTest {
  @Test
  void writesWhatInstantWrites() {
    for (String text : new String[] {"2026-11-24T12:00:00Z", "2026-11-24T12:00:00.100Z", "2024-02-29T23:59:59.999Z",
        "2000-03-01T00:00:00.000001Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z",
        "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.5Z", "1900-03-01T01:02:03.000004Z"}) {
      Instant instant = Instant.parse(text);
      assertThat(IsoTime.format(instant)).as(text).isEqualTo(instant.toString());
    }
    assertThat(IsoTime.format(Instant.MAX)).isEqualTo(Instant.MAX.toString());
    assertThat(IsoTime.format(Instant.MIN)).isEqualTo(Instant.MIN.toString());
    SplittableRandom random = new SplittableRandom(15);
    for (int i = 0; i < 200_000; i++) {
      long seconds = random.nextLong(-62_167_219_200L - 1_000, 253_402_300_800L + 1_000);
      int nano = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1_000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      Instant instant = Instant.ofEpochSecond(seconds, nano);
      assertThat(IsoTime.format(instant)).isEqualTo(instant.toString());
    }
  }
}
