package ai.clouvel.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @ParameterizedTest
  @CsvSource({"19.99,1999", "25,2500", "25.5,2550", "0.50,50", "10000.00,1000000", "0.01,1", "7.,700"})
  void parsesDollarsExactly(String text, long cents) {
    assertThat(Money.parseUsd(text).cents()).isEqualTo(cents);
  }

  @ParameterizedTest
  @ValueSource(strings = {"19.999", "-5", "1e3", "$5", "", "abc", "5,00", " ", "0x10", "NaN"})
  void rejectsAnythingButAPlainAmountWithTwoDecimals(String text) {
    assertThatThrownBy(() -> Money.parseUsd(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsMoreThanTwoDecimalsFromBigDecimal() {
    assertThatThrownBy(() -> Money.ofUsd(new BigDecimal("1.005")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Money.ofUsd(new BigDecimal("1.50"))).isEqualTo(Money.ofCents(150));
  }

  @Test
  void formatsWithTwoDecimals() {
    assertThat(Money.ofCents(1999).toUsdString()).isEqualTo("19.99");
    assertThat(Money.ofCents(5).toUsdString()).isEqualTo("0.05");
    assertThat(Money.ofDollars(100).toUsdString()).isEqualTo("100.00");
    assertThat(Money.ofCents(2550).toString()).isEqualTo("$25.50");
  }

  @Test
  void addsAndCompares() {
    assertThat(Money.ofCents(1999).plus(Money.ofCents(1))).isEqualTo(Money.ofDollars(20));
    assertThat(Money.ofCents(500).isAtLeast(Money.ofCents(500))).isTrue();
    assertThat(Money.ofCents(499).isAtLeast(Money.ofCents(500))).isFalse();
  }
}
