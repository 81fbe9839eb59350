package ai.clouvel.store.internal;

import ai.clouvel.core.payment.PaymentRefs;
import java.util.LinkedHashMap;
import java.util.Map;

/** A donation's payment references in one text column: a {@code kind=reference} line each. */
final class RefsText {
  private RefsText() {
  }

  static String encode(PaymentRefs refs) {
    StringBuilder text = new StringBuilder();
    refs.values().forEach((kind, ref) -> text.append(kind).append('=').append(ref).append('\n'));
    return text.toString();
  }

  static PaymentRefs decode(String text) {
    if (text == null || text.isEmpty()) {
      return PaymentRefs.NONE;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int equals = line.indexOf('=');
      if (equals > 0 && equals < line.length() - 1) {
        values.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return new PaymentRefs(values);
  }
}
