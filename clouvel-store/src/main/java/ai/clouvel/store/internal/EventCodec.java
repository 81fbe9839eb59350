package ai.clouvel.store.internal;

import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.progress.Progress;
import ai.clouvel.core.progress.Stage;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.core.task.TaskStatus;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes {@link ClouvelEvent}s as short text for the PostgreSQL event bus, and reads them back.
 * The text is form-encoded fields ({@code t=task_updated&task=...&at=...}). Task updates travel
 * whole; the other events carry the id of what they name (task, product, donation), which the
 * receiving node reads from the database, so that it relays the state REST shows.
 */
public final class EventCodec {
  private EventCodec() {
  }

  /**
   * Encodes an event.
   *
   * @param event the event
   * @return its text
   */
  public static String encode(ClouvelEvent event) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (event instanceof ClouvelEvent.TaskUpdated update) {
      fields.put("t", "task_updated");
      fields.put("task", update.taskId());
      fields.put("status", update.status().wireName());
      fields.put("stage", update.progress().stage().wireName());
      fields.put("percent", String.valueOf(update.progress().percent()));
      fields.put("message", update.progress().message());
      if (update.productId() != null) {
        fields.put("product", String.valueOf(update.productId()));
      }
      if (update.error() != null) {
        fields.put("error", update.error());
      }
    } else if (event instanceof ClouvelEvent.TaskCreated created) {
      fields.put("t", "task_created");
      fields.put("task", created.task().id());
    } else if (event instanceof ClouvelEvent.ProductCreated created) {
      fields.put("t", "product_created");
      fields.put("product", String.valueOf(created.product().id()));
    } else if (event instanceof ClouvelEvent.DonationUpdated updated) {
      fields.put("t", "donation_updated");
      fields.put("donation", String.valueOf(updated.donation().id()));
    } else {
      throw new IllegalArgumentException("unknown event " + event.getClass().getName());
    }
    fields.put("at", String.valueOf(event.at().toEpochMilli()));
    StringBuilder out = new StringBuilder();
    fields.forEach((key, value) -> out.append(out.length() == 0 ? "" : "&").append(key).append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return out.toString();
  }

  /**
   * Decodes an event, reading what it names from the store.
   *
   * @param text the encoded event
   * @param store where tasks, products and donations are read
   * @return the event, or empty if what it names is no longer there
   * @throws IllegalArgumentException if the text is malformed
   */
  public static Optional<ClouvelEvent> decode(String text, ClouvelStore store) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        fields.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    try {
      Instant at = Instant.ofEpochMilli(Long.parseLong(required(fields, "at")));
      String type = required(fields, "t");
      return switch (type) {
        case "task_updated" -> Optional.of(new ClouvelEvent.TaskUpdated(required(fields, "task"),
            TaskStatus.fromWire(required(fields, "status")).orElseThrow(() -> bad("status")),
            new Progress(Stage.fromWire(required(fields, "stage")).orElseThrow(() -> bad("stage")),
                Integer.parseInt(required(fields, "percent")), required(fields, "message")),
            fields.containsKey("product") ? Long.valueOf(fields.get("product")) : null,
            fields.get("error"), at));
        case "task_created" -> store.tasks().find(required(fields, "task"))
            .map(task -> new ClouvelEvent.TaskCreated(task, at));
        case "product_created" -> store.products().find(Long.parseLong(required(fields, "product")))
            .map(product -> new ClouvelEvent.ProductCreated(product, at));
        case "donation_updated" -> store.donations().find(Long.parseLong(required(fields, "donation")))
            .map(donation -> new ClouvelEvent.DonationUpdated(donation, at));
        default -> throw bad("type " + type);
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("malformed event: a number is not one", e);
    }
  }

  private static String required(Map<String, String> fields, String key) {
    String value = fields.get(key);
    if (value == null) {
      throw bad(key + " missing");
    }
    return value;
  }

  private static IllegalArgumentException bad(String what) {
    return new IllegalArgumentException("malformed event: " + what);
  }
}
