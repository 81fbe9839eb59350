package ai.clouvel.core.image;

/** The look asked for, where the provider supports it ({@code dall-e-3}). */
public enum ImageStyle {
  /** Hyper-real and dramatic. */
  VIVID,
  /** More natural, less hyper-real. */
  NATURAL
}
