package ai.clouvel.core.donation;

import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.money.Money;
import java.util.Objects;

/**
 * A donation tier: a name, the smallest amount that reaches it, and the image quality it buys.
 *
 * @param name the tier name, for example {@code "gold"}
 * @param minimum the smallest amount in this tier
 * @param imageQuality the quality of images commissioned at this tier
 */
public record Tier(String name, Money minimum, ImageQuality imageQuality) {

  public Tier {
    if (Objects.requireNonNull(name, "name").isBlank()) {
      throw new IllegalArgumentException("tier name must not be blank");
    }
    Objects.requireNonNull(minimum, "minimum");
    Objects.requireNonNull(imageQuality, "imageQuality");
    if (minimum.cents() <= 0) {
      throw new IllegalArgumentException("tier minimum must be positive");
    }
  }
}
