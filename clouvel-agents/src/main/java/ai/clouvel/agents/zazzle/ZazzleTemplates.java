package ai.clouvel.agents.zazzle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The templates products can be made on, by name. Defaults: {@code print} (a faux canvas print,
 * {@code 256344169523425346}), the default template, and {@code sticker}
 * ({@code 256577895504131235}). Immutable; {@link #with} adds to a copy.
 */
public final class ZazzleTemplates {
  /** The default print template's id. */
  public static final String PRINT_TEMPLATE_ID = "256344169523425346";

  private final Map<String, ZazzleTemplate> byName;
  private final String defaultName;

  private ZazzleTemplates(Map<String, ZazzleTemplate> byName, String defaultName) {
    this.byName = Map.copyOf(byName);
    this.defaultName = defaultName;
  }

  /**
   * Returns the default registry.
   *
   * @return print (default) and sticker
   */
  public static ZazzleTemplates defaults() {
    Map<String, ZazzleTemplate> templates = new LinkedHashMap<>();
    templates.put("print", new ZazzleTemplate("print", "Print", PRINT_TEMPLATE_ID));
    templates.put("sticker", new ZazzleTemplate("sticker", "Sticker", "256577895504131235"));
    return new ZazzleTemplates(templates, "print");
  }

  /**
   * Returns a copy with another template, replacing one of the same name.
   *
   * @param template the template
   * @return the extended registry
   */
  public ZazzleTemplates with(ZazzleTemplate template) {
    Map<String, ZazzleTemplate> templates = new LinkedHashMap<>(byName);
    templates.put(template.name().toLowerCase(Locale.ROOT), template);
    return new ZazzleTemplates(templates, defaultName);
  }

  /**
   * Resolves what a product asks for: a template name, a raw template id, or blank for the default.
   *
   * @param nameOrId a name such as {@code "sticker"}, a numeric id, or blank
   * @return the template, or empty if the name is unknown
   */
  public Optional<ZazzleTemplate> resolve(String nameOrId) {
    if (nameOrId == null || nameOrId.isBlank()) {
      return Optional.of(byName.get(defaultName));
    }
    String key = nameOrId.strip().toLowerCase(Locale.ROOT);
    if (byName.containsKey(key)) {
      return Optional.of(byName.get(key));
    }
    if (key.matches("\\d{6,}")) {
      return Optional.of(new ZazzleTemplate(key, "Custom", key));
    }
    return Optional.empty();
  }

  /**
   * Lists the named templates.
   *
   * @return the templates
   */
  public List<ZazzleTemplate> all() {
    return List.copyOf(byName.values());
  }
}
