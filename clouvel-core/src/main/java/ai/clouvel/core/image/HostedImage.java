package ai.clouvel.core.image;

import java.util.Objects;

/**
 * An image stored somewhere that serves it.
 *
 * @param id the host's identifier of the image
 * @param url a public address of the image
 */
public record HostedImage(String id, String url) {

  public HostedImage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
  }
}
