package ai.clouvel.agents.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.image.ImageSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiPricingTest {
  private final OpenAiPricing pricing = OpenAiPricing.defaults();

  @ParameterizedTest
  @CsvSource({"gpt-4o-mini,150,600", "gpt-4o,2500,10000", "gpt-4.1,2000,8000", "gpt-4.1-mini,400,1600",
      "gpt-4o-mini-2024-07-18,150,600", "gpt-4o-2024-08-06,2500,10000"})
  void pricesChatModelsPerThousandTokensByLongestPrefix(String model, long inPerThousand, long outPerThousand) {
    assertThat(pricing.chatCost(model, 1000, 0)).isEqualTo(inPerThousand);
    assertThat(pricing.chatCost(model, 0, 1000)).isEqualTo(outPerThousand);
  }

  @ParameterizedTest
  @CsvSource({"dall-e-2,1024x1024,'',20000", "dall-e-2,256x256,'',16000", "dall-e-3,1024x1024,standard,40000",
      "dall-e-3,1792x1024,standard,80000", "dall-e-3,1024x1024,hd,80000", "dall-e-3,1024x1792,hd,120000",
      "gpt-image-1,1024x1024,low,11000", "gpt-image-1,1024x1024,high,167000", "gpt-image-1,1536x1024,high,250000"})
  void pricesImagesBySizeAndQuality(String model, String size, String quality, long micros) {
    assertThat(pricing.imageCost(model, ImageSize.parse(size), quality)).hasValue(micros);
  }

  @Test
  void unknownModelsAreNotPricedUntilAdded() {
    assertThat(pricing.coversChat("o9-turbo")).isFalse();
    assertThatThrownBy(() -> pricing.chatCost("o9-turbo", 1, 1)).isInstanceOf(IllegalArgumentException.class);
    OpenAiPricing extended = pricing.withChatModel("o9-turbo", 1_000_000, 2_000_000)
        .withImagePrice("dall-e-3", new ImageSize(2048, 2048), "hd", 500_000);
    assertThat(extended.chatCost("o9-turbo", 1_000_000, 1_000_000)).isEqualTo(3_000_000);
    assertThat(extended.imageCost("dall-e-3", new ImageSize(2048, 2048), "hd")).hasValue(500_000L);
  }

  @Test
  void tiersMapToModelQualities() {
    assertThat(OpenAiImageGenerator.defaultQualities("dall-e-3"))
        .containsEntry(ImageQuality.STANDARD, "standard").containsEntry(ImageQuality.HD, "hd");
    assertThat(OpenAiImageGenerator.defaultQualities("gpt-image-1"))
        .containsEntry(ImageQuality.STANDARD, "medium").containsEntry(ImageQuality.HD, "high");
  }
}
