package ai.clouvel.core.provider;

/**
 * The provider refused the content, for example a content-policy violation of an image prompt.
 * Retrying the same input will not help. Not transient.
 */
public final class ContentRejectedException extends ProviderException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param provider the provider's name
   * @param message what went wrong, as the provider explained it
   */
  public ContentRejectedException(String provider, String message) {
    super(provider, message, null);
  }

  @Override
  public boolean isTransient() {
    return false;
  }
}
