package ai.clouvel.server.http;

/** Text made safe to place in HTML, in element content and in quoted attribute values. */
public final class Html {
  private Html() {
  }

  /**
   * Escapes the characters that HTML gives a meaning to.
   *
   * @param value the text, or {@code null} for none; non-strings are written with {@code toString()}
   * @return the escaped text; empty for {@code null}
   */
  public static String escape(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
