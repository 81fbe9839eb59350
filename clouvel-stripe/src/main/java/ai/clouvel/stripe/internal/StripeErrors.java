package ai.clouvel.stripe.internal;

import ai.clouvel.core.provider.ProviderException;
import ai.clouvel.core.provider.ProviderRequestException;
import ai.clouvel.core.provider.ProviderUnavailableException;
import ai.clouvel.core.provider.RateLimitedException;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;

/** Turns stripe-java's exceptions into Clouvel's typed provider failures. */
public final class StripeErrors {
  private static final String PROVIDER = "stripe";

  private StripeErrors() {
  }

  /**
   * Translates a Stripe failure.
   *
   * @param e the exception
   * @return rate limited, unavailable (connection errors and 5xx) or a refused request
   */
  public static ProviderException translate(StripeException e) {
    String message = e.getStripeError() != null && e.getStripeError().getMessage() != null
        ? e.getStripeError().getMessage() : e.getClass().getSimpleName();
    Integer status = e.getStatusCode();
    if (e instanceof RateLimitException) {
      return new RateLimitedException(PROVIDER, message, null);
    }
    if (e instanceof ApiConnectionException || status == null || status >= 500) {
      return new ProviderUnavailableException(PROVIDER, message, e);
    }
    return new ProviderRequestException(PROVIDER, status, message);
  }
}
