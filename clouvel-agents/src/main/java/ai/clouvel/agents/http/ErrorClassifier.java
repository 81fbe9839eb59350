package ai.clouvel.agents.http;

import ai.clouvel.core.provider.ProviderException;
import java.util.Optional;

/**
 * Recognises provider-specific failures in an error response, such as a content-policy
 * rejection, before the generic rules apply (429 rate limited, 408 and 5xx unavailable, other
 * 4xx a bad request).
 */
@FunctionalInterface
public interface ErrorClassifier {

  /**
   * Classifies an error response.
   *
   * @param status the HTTP status
   * @param body the response body, possibly empty
   * @return the failure to report, or empty to apply the generic rules
   */
  Optional<ProviderException> classify(int status, String body);

  /**
   * Returns a classifier that recognises nothing.
   *
   * @return the generic-only classifier
   */
  static ErrorClassifier generic() {
    return (status, body) -> Optional.empty();
  }
}
