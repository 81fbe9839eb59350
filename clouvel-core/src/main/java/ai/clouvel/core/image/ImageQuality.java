package ai.clouvel.core.image;

/**
 * How much care to spend on an image. Providers map these to their own settings (for example
 * {@code dall-e-3} standard/hd, {@code gpt-image-1} medium/high). Donation tiers choose the
 * quality: bronze and silver get {@link #STANDARD}, gold and above {@link #HD}.
 */
public enum ImageQuality {
  /** The provider's default quality. */
  STANDARD,
  /** The provider's best quality. */
  HD
}
