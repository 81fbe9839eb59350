package ai.clouvel.stripe.testing;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer dispatcher that answers the Stripe calls Clouvel makes (checkout sessions,
 * payment intents, refunds) and records every request, so fixtures in other modules share one fake.
 */
public final class FakeStripeApi extends Dispatcher {
  private final String idPrefix;
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final Queue<Supplier<MockResponse>> refundAnswers = new ConcurrentLinkedQueue<>();
  private final AtomicInteger ids = new AtomicInteger();

  /** @param idPrefix put into created ids, for example {@code "e2e_"} gives {@code cs_test_e2e_1} */
  public FakeStripeApi(String idPrefix) {
    this.idPrefix = idPrefix;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    requests.add(request);
    int n = ids.incrementAndGet();
    return switch (request.getUrl().encodedPath()) {
      case "/v1/checkout/sessions" -> json(200, FakeStripe.sessionCreated("cs_test_" + idPrefix + n));
      case "/v1/payment_intents" -> json(200, FakeStripe.intentCreated("pi_test_" + idPrefix + n));
      case "/v1/refunds" -> {
        Supplier<MockResponse> queued = refundAnswers.poll();
        yield queued != null ? queued.get() : json(200, FakeStripe.refund("re_" + idPrefix + n, "pi"));
      }
      default -> json(404, FakeStripe.error("invalid_request_error", "No such resource"));
    };
  }

  /** Makes the next refund call get this answer instead of a created refund. */
  public void answerNextRefund(Supplier<MockResponse> answer) {
    refundAnswers.add(answer);
  }

  /** Every request received, in order. */
  public List<RecordedRequest> requests() {
    return requests;
  }

  /** The refund requests received, in order. */
  public List<RecordedRequest> refunds() {
    return requests.stream().filter(r -> r.getUrl().encodedPath().equals("/v1/refunds")).toList();
  }

  /** The metadata sent when the last checkout session was created. */
  public Map<String, String> lastCheckoutMetadata() {
    return FakeStripe.metadataOf(requests.stream()
        .filter(r -> r.getUrl().encodedPath().equals("/v1/checkout/sessions")).reduce((a, b) -> b).orElseThrow());
  }

  /** A JSON answer with a status. */
  public static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }
}
