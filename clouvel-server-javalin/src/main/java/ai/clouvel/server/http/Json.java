package ai.clouvel.server.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okio.Buffer;

/** JSON in and out of the API, on Moshi. Responses are snake_case records; requests are read as trees. */
public final class Json {
  private final Moshi moshi = new Moshi.Builder().build();
  private final Map<Class<?>, JsonAdapter<Object>> adapters = new ConcurrentHashMap<>();
  private final Map<Class<?>, JsonBytes.Writer<Object>> fastWriters = new ConcurrentHashMap<>();

  /**
   * Registers a direct writer for a type on a hot path. It must write what Moshi writes for the
   * same value; {@link #writeBytes} uses it, and {@link #writeValue} for values nested in it.
   *
   * @param type the type
   * @param writer its writer
   * @param <T> the type
   */
  @SuppressWarnings("unchecked")
  public <T> void fastWriter(Class<T> type, JsonBytes.Writer<T> writer) {
    fastWriters.put(type, (JsonBytes.Writer<Object>) writer);
  }

  /**
   * Writes one value into a direct writer: by its registered writer, or else through Moshi.
   *
   * @param out the writer
   * @param value the value, or {@code null}
   */
  public void writeValue(JsonBytes out, Object value) {
    if (value == null) {
      out.nullValue();
      return;
    }
    JsonBytes.Writer<Object> writer = fastWriters.get(value.getClass());
    if (writer != null) {
      writer.write(out, value);
    } else {
      out.raw(moshiBytes(value));
    }
  }

  /**
   * Writes a value as the response body: UTF-8 bytes straight from the writer, no string between.
   * A successful answer of a type with a direct writer goes from the writer's buffer to the
   * response's stream in one write (Javalin still compresses it when the client asks).
   */
  public void send(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json");
    JsonBytes.Writer<Object> writer = body == null ? null : fastWriters.get(body.getClass());
    if (writer == null || status != 200) {
      ctx.result(writeBytes(body));
      return;
    }
    JsonBytes out = new JsonBytes(32 * 1024);
    writer.write(out, body);
    sendWhole(ctx, out.size(), out::writeTo);
  }

  /** Writes a body to a stream. */
  @FunctionalInterface
  public interface Body {
    /**
     * Writes it.
     *
     * @param out the response's stream
     * @throws IOException if the stream fails
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes a body whose length is known, in one write, with status and content type already set.
   * It goes out with its length rather than chunked (cheaper for both ends) unless Javalin may
   * compress it, which it decides on the first write when the client accepts an encoding.
   *
   * @param ctx the request
   * @param length the body's length in bytes
   * @param body writes exactly that many bytes
   */
  public static void sendWhole(Context ctx, int length, Body body) {
    if (ctx.header("Accept-Encoding") == null) {
      ctx.res().setContentLength(length);
    }
    try {
      body.writeTo(ctx.outputStream());
    } catch (IOException e) {
      // The client went away: there is no one left to answer, as when Javalin writes a result.
    }
  }

  /** Serialises a value. */
  public String write(Object body) {
    return adapter(body).toJson(body);
  }

  /**
   * Serialises a value to UTF-8 bytes, written once into a buffer and copied out once.
   *
   * @param body the value
   * @return its JSON
   */
  public byte[] writeBytes(Object body) {
    JsonBytes.Writer<Object> writer = body == null ? null : fastWriters.get(body.getClass());
    if (writer != null) {
      JsonBytes out = new JsonBytes(16 * 1024);
      writer.write(out, body);
      return out.toByteArray();
    }
    return moshiBytes(body);
  }

  /**
   * Serialises a value with Moshi alone, whatever direct writers are registered: for tests that
   * hold the direct writers to Moshi's output.
   *
   * @param body the value
   * @return its JSON
   */
  public byte[] moshiBytes(Object body) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      adapter(body).toJson(writer, body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
    return buffer.readByteArray();
  }

  @SuppressWarnings("unchecked")
  private JsonAdapter<Object> adapter(Object body) {
    Class<?> type = body instanceof Map<?, ?> || body instanceof List<?> ? Object.class : body.getClass();
    return adapters.computeIfAbsent(type, t -> ((JsonAdapter<Object>) moshi.adapter(t)).serializeNulls());
  }

  /**
   * Reads a request body as a JSON object. Numbers keep their literal text (as {@link BigDecimal})
   * so that money is never rounded through {@code double}.
   *
   * @param body the request body
   * @return the object's fields
   * @throws ApiException 400 if the body is not a JSON object
   */
  public Map<String, Object> readObject(String body) {
    if (body == null || body.isBlank()) {
      throw ApiException.badRequest("invalid_json", "the request body must be a JSON object");
    }
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(body));
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw ApiException.badRequest("invalid_json", "the request body must be a JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) readValue(reader, 0);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw ApiException.badRequest("invalid_json", "unexpected content after the JSON object");
      }
      return object;
    } catch (IOException | RuntimeException e) {
      if (e instanceof ApiException api) {
        throw api;
      }
      throw ApiException.badRequest("invalid_json", "the request body is not valid JSON");
    }
  }

  private Object readValue(JsonReader reader, int depth) throws IOException {
    if (depth > 20) {
      throw ApiException.badRequest("invalid_json", "the JSON is nested too deeply");
    }
    switch (reader.peek()) {
      case BEGIN_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          object.put(name, readValue(reader, depth + 1));
        }
        reader.endObject();
        return object;
      }
      case BEGIN_ARRAY -> {
        List<Object> array = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          array.add(readValue(reader, depth + 1));
        }
        reader.endArray();
        return array;
      }
      case NUMBER -> {
        return new BigDecimal(reader.nextString());
      }
      case STRING -> {
        return reader.nextString();
      }
      case BOOLEAN -> {
        return reader.nextBoolean();
      }
      case NULL -> {
        return reader.nextNull();
      }
      default -> throw ApiException.badRequest("invalid_json", "the request body is not valid JSON");
    }
  }

  /** For tests and tools: pretty JSON of any value. */
  public String pretty(Object value) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setIndent("  ");
      moshi.adapter(Object.class).toJson(writer, value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return buffer.readUtf8();
  }
}
