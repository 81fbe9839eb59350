package ai.clouvel.agents.openai;

import ai.clouvel.agents.openai.internal.OpenAiJson;
import ai.clouvel.core.image.GeneratedImage;
import ai.clouvel.core.image.ImageGenerator;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.image.ImageRequest;
import ai.clouvel.core.image.ImageSize;
import ai.clouvel.core.image.ImageStyle;
import ai.clouvel.core.usage.Usage;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An {@link ImageGenerator} on OpenAI images: {@code dall-e-3} (quality standard/hd, size, style),
 * {@code gpt-image-1} (quality low/medium/high, base64 output) and {@code dall-e-2}. Images come
 * back as base64, never as provider URLs, which expire. Donation tiers map to qualities:
 * {@link ImageQuality#STANDARD} is {@code standard} on {@code dall-e-3} and {@code medium} on
 * {@code gpt-image-1}; {@link ImageQuality#HD} is {@code hd} and {@code high}.
 */
public final class OpenAiImageGenerator implements ImageGenerator {
  private static final Map<String, Set<String>> SIZES = Map.of(
      "dall-e-2", Set.of("256x256", "512x512", "1024x1024"),
      "dall-e-3", Set.of("1024x1024", "1792x1024", "1024x1792"),
      "gpt-image-1", Set.of("1024x1024", "1536x1024", "1024x1536"));

  private final OpenAiClient client;
  private final String model;
  private final Map<ImageQuality, String> qualities;

  /**
   * Creates a generator with the default quality mapping of its model.
   *
   * @param client the OpenAI client
   * @param model {@code dall-e-3}, {@code gpt-image-1} or {@code dall-e-2}
   */
  public OpenAiImageGenerator(OpenAiClient client, String model) {
    this(client, model, defaultQualities(model));
  }

  /**
   * Creates a generator with an explicit quality mapping.
   *
   * @param client the OpenAI client
   * @param model {@code dall-e-3}, {@code gpt-image-1} or {@code dall-e-2}
   * @param qualities the model's quality name for each tier quality ({@code ""} for none)
   */
  public OpenAiImageGenerator(OpenAiClient client, String model, Map<ImageQuality, String> qualities) {
    this.client = Objects.requireNonNull(client, "client");
    this.model = Objects.requireNonNull(model, "model").toLowerCase(Locale.ROOT);
    if (!SIZES.containsKey(this.model)) {
      throw new IllegalArgumentException("unsupported image model " + model
          + "; use dall-e-3, gpt-image-1 or dall-e-2");
    }
    this.qualities = new EnumMap<>(qualities);
    for (ImageQuality quality : ImageQuality.values()) {
      if (!this.qualities.containsKey(quality)) {
        throw new IllegalArgumentException("no " + model + " quality for " + quality);
      }
    }
  }

  /**
   * Returns the default quality mapping of a model.
   *
   * @param model the model
   * @return standard/hd for {@code dall-e-3}, medium/high for {@code gpt-image-1}, none for {@code dall-e-2}
   */
  public static Map<ImageQuality, String> defaultQualities(String model) {
    return switch (model.toLowerCase(Locale.ROOT)) {
      case "dall-e-3" -> Map.of(ImageQuality.STANDARD, "standard", ImageQuality.HD, "hd");
      case "gpt-image-1" -> Map.of(ImageQuality.STANDARD, "medium", ImageQuality.HD, "high");
      default -> Map.of(ImageQuality.STANDARD, "", ImageQuality.HD, "");
    };
  }

  /**
   * Returns the model's quality name for a tier quality.
   *
   * @param quality the tier quality
   * @return for example {@code "hd"} or {@code "high"}; empty for models without qualities
   */
  public String qualityFor(ImageQuality quality) {
    return qualities.get(quality);
  }

  @Override
  public GeneratedImage generate(ImageRequest request) {
    ImageSize size = request.size();
    if (!SIZES.get(model).contains(size.toString())) {
      throw new IllegalArgumentException(model + " cannot paint " + size + "; sizes: " + SIZES.get(model));
    }
    String quality = qualities.get(request.quality());
    OpenAiJson.ImageRequest body = switch (model) {
      case "dall-e-3" -> new OpenAiJson.ImageRequest(model, request.prompt(), 1, size.toString(), quality,
          request.style() == ImageStyle.NATURAL ? "natural" : "vivid", "b64_json", null);
      case "gpt-image-1" -> new OpenAiJson.ImageRequest(model, request.prompt(), 1, size.toString(), quality,
          null, null, "png");
      default -> new OpenAiJson.ImageRequest(model, request.prompt(), 1, size.toString(), null, null,
          "b64_json", null);
    };
    OpenAiClient.ImageAnswer answer = client.image(body);
    long cost = client.pricing().imageCost(model, size, quality).orElse(0L);
    Usage usage = new Usage(model, answer.inputTokens(), answer.outputTokens(), 1, cost);
    String revised = answer.revisedPrompt() == null ? request.prompt() : answer.revisedPrompt();
    return new GeneratedImage(answer.png(), revised, usage);
  }
}
