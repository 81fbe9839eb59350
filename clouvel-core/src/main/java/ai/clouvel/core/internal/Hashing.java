package ai.clouvel.core.internal;

import java.nio.charset.StandardCharsets;

/** Stable, well-mixed hashes of text, the same in every JVM. Not part of the API. */
public final class Hashing {
  private Hashing() {
  }

  /**
   * Returns the 64-bit FNV-1a hash of the text's UTF-8 bytes.
   *
   * @param text the text
   * @return the hash
   */
  public static long fnv64(String text) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
