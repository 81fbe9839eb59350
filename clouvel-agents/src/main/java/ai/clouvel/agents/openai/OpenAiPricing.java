package ai.clouvel.agents.openai;

import ai.clouvel.core.image.ImageSize;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What OpenAI calls cost, in millionths of a US dollar. Covers {@code gpt-4o-mini},
 * {@code gpt-4o}, {@code gpt-4.1}, {@code gpt-4.1-mini}, {@code gpt-4.1-nano}, {@code dall-e-2}
 * and {@code dall-e-3} by size and quality, and {@code gpt-image-1} by size and quality. Model
 * names match by longest prefix, so dated snapshots such as {@code gpt-4o-mini-2024-07-18} are
 * priced like their model. Immutable; {@link #withChatModel} and {@link #withImagePrice} add to
 * a copy.
 */
public final class OpenAiPricing {
  private final Map<String, long[]> chatPerMillionTokens;
  private final Map<String, Long> imagePrices;

  private OpenAiPricing(Map<String, long[]> chat, Map<String, Long> images) {
    this.chatPerMillionTokens = Map.copyOf(chat);
    this.imagePrices = Map.copyOf(images);
  }

  /**
   * Returns OpenAI's published list prices.
   *
   * @return the default table
   */
  public static OpenAiPricing defaults() {
    Map<String, long[]> chat = new HashMap<>();
    chat.put("gpt-4o-mini", new long[] {150_000, 600_000});
    chat.put("gpt-4o", new long[] {2_500_000, 10_000_000});
    chat.put("gpt-4.1", new long[] {2_000_000, 8_000_000});
    chat.put("gpt-4.1-mini", new long[] {400_000, 1_600_000});
    chat.put("gpt-4.1-nano", new long[] {100_000, 400_000});
    Map<String, Long> images = new HashMap<>();
    images.put(key("dall-e-2", "256x256", ""), 16_000L);
    images.put(key("dall-e-2", "512x512", ""), 18_000L);
    images.put(key("dall-e-2", "1024x1024", ""), 20_000L);
    images.put(key("dall-e-3", "1024x1024", "standard"), 40_000L);
    images.put(key("dall-e-3", "1024x1792", "standard"), 80_000L);
    images.put(key("dall-e-3", "1792x1024", "standard"), 80_000L);
    images.put(key("dall-e-3", "1024x1024", "hd"), 80_000L);
    images.put(key("dall-e-3", "1024x1792", "hd"), 120_000L);
    images.put(key("dall-e-3", "1792x1024", "hd"), 120_000L);
    for (String[] row : new String[][] {{"low", "11000", "16000"}, {"medium", "42000", "63000"},
        {"high", "167000", "250000"}}) {
      images.put(key("gpt-image-1", "1024x1024", row[0]), Long.parseLong(row[1]));
      images.put(key("gpt-image-1", "1024x1536", row[0]), Long.parseLong(row[2]));
      images.put(key("gpt-image-1", "1536x1024", row[0]), Long.parseLong(row[2]));
    }
    return new OpenAiPricing(chat, images);
  }

  /**
   * Returns a copy that also prices a chat model.
   *
   * @param model the model name (prefix)
   * @param inputPerMillion micro-dollars per million prompt tokens
   * @param outputPerMillion micro-dollars per million completion tokens
   * @return the extended table
   */
  public OpenAiPricing withChatModel(String model, long inputPerMillion, long outputPerMillion) {
    Map<String, long[]> chat = new HashMap<>(chatPerMillionTokens);
    chat.put(model.toLowerCase(Locale.ROOT), new long[] {inputPerMillion, outputPerMillion});
    return new OpenAiPricing(chat, imagePrices);
  }

  /**
   * Returns a copy that also prices one image size and quality of a model.
   *
   * @param model the model name
   * @param size the size
   * @param quality the model's quality name, or {@code ""} for models without qualities
   * @param microsPerImage micro-dollars per image
   * @return the extended table
   */
  public OpenAiPricing withImagePrice(String model, ImageSize size, String quality, long microsPerImage) {
    Map<String, Long> images = new HashMap<>(imagePrices);
    images.put(key(model, size.toString(), quality), microsPerImage);
    return new OpenAiPricing(chatPerMillionTokens, images);
  }

  /**
   * Tells whether a chat model is priced.
   *
   * @param model the model name
   * @return {@code true} if some known name is a prefix of it
   */
  public boolean coversChat(String model) {
    return chatPrices(model).isPresent();
  }

  /**
   * Prices a chat call.
   *
   * @param model the model
   * @param inputTokens prompt tokens
   * @param outputTokens completion tokens
   * @return the cost in micro-dollars, rounded to the nearest
   * @throws IllegalArgumentException if the model is not priced
   */
  public long chatCost(String model, long inputTokens, long outputTokens) {
    long[] prices = chatPrices(model)
        .orElseThrow(() -> new IllegalArgumentException("no price for chat model " + model));
    return (inputTokens * prices[0] + outputTokens * prices[1] + 500_000) / 1_000_000;
  }

  /**
   * Prices one generated image.
   *
   * @param model the model
   * @param size the size
   * @param quality the model's quality name, or {@code ""}
   * @return the price, or empty if the combination is not priced
   */
  public Optional<Long> imageCost(String model, ImageSize size, String quality) {
    return Optional.ofNullable(imagePrices.get(key(model, size.toString(), quality)));
  }

  private Optional<long[]> chatPrices(String model) {
    String name = model.toLowerCase(Locale.ROOT);
    String best = null;
    for (String known : chatPerMillionTokens.keySet()) {
      if (name.startsWith(known) && (best == null || known.length() > best.length())) {
        best = known;
      }
    }
    return Optional.ofNullable(best).map(chatPerMillionTokens::get);
  }

  private static String key(String model, String size, String quality) {
    return model.toLowerCase(Locale.ROOT) + "|" + size + "|" + (quality == null ? "" : quality.toLowerCase(Locale.ROOT));
  }
}
