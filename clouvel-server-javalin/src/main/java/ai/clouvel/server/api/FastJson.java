package ai.clouvel.server.api;

import ai.clouvel.server.http.Json;

/**
 * Direct writers for the envelopes of list answers ({@link ApiModels.PageJson},
 * {@link ApiModels.ItemsJson}): each item goes through the direct writer registered for its type,
 * if any, else through Moshi. They write exactly what Moshi writes for the same record
 * ({@code FastJsonTest}).
 */
final class FastJson {
  private FastJson() {
  }

  static void register(Json json) {
    json.fastWriter(ApiModels.PageJson.class, (out, page) -> {
      out.beginObject().name("items").beginArray();
      for (Object item : page.items()) {
        json.writeValue(out, item);
      }
      out.endArray().name("total").value(page.total()).name("limit").value(page.limit())
          .name("offset").value(page.offset()).endObject();
    });
    json.fastWriter(ApiModels.ItemsJson.class, (out, list) -> {
      out.beginObject().name("items").beginArray();
      for (Object item : list.items()) {
        json.writeValue(out, item);
      }
      out.endArray().name("total").value(list.total()).endObject();
    });
  }
}
