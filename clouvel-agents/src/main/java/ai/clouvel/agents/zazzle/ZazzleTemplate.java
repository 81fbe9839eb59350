package ai.clouvel.agents.zazzle;

import java.util.Objects;

/**
 * A Zazzle product template that a customer's image is placed on.
 *
 * @param name the name products ask for, for example {@code "print"}
 * @param productType a human name, for example {@code "Print"}
 * @param templateId Zazzle's product id of the template ({@code pd=})
 */
public record ZazzleTemplate(String name, String productType, String templateId) {

  public ZazzleTemplate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(productType, "productType");
    if (Objects.requireNonNull(templateId, "templateId").isBlank() || !templateId.matches("\\d+")) {
      throw new IllegalArgumentException("a Zazzle template id is a number: " + templateId);
    }
  }
}
