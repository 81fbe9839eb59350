package ai.clouvel.test.stripe;

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
 * A MockWebServer dispatcher that answers the Stripe calls Clouvel's gateway makes: creating
 * Checkout sessions ({@code POST /v1/checkout/sessions}), payment intents
 * ({@code POST /v1/payment_intents}) and refunds ({@code POST /v1/refunds}). Every request is
 * recorded; the next refund's answer can be scripted (a failure, say). Thread-safe.
 *
 * <pre>{@code
 * FakeStripeApi stripe = new FakeStripeApi("t_");
 * server.setDispatcher(stripe);
 * StripePaymentGateway.builder().secretKey("sk_test_x").apiBase(server.url("/").toString())...
 * }</pre>
 */
public final class FakeStripeApi extends Dispatcher {
  private final String idPrefix;
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final Queue<Supplier<MockResponse>> refundAnswers = new ConcurrentLinkedQueue<>();
  private final AtomicInteger ids = new AtomicInteger();

  /**
   * Creates the fake.
   *
   * @param idPrefix put into created ids: {@code "e2e_"} gives {@code cs_test_e2e_1}
   */
  public FakeStripeApi(String idPrefix) {
    this.idPrefix = idPrefix;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    requests.add(request);
    int n = ids.incrementAndGet();
    return switch (request.getUrl().encodedPath()) {
      case "/v1/checkout/sessions" -> json(200, StripeJson.sessionCreated("cs_test_" + idPrefix + n));
      case "/v1/payment_intents" -> json(200, StripeJson.intentCreated("pi_test_" + idPrefix + n));
      case "/v1/refunds" -> {
        Supplier<MockResponse> queued = refundAnswers.poll();
        yield queued != null ? queued.get() : json(200, StripeJson.refund("re_" + idPrefix + n, "pi"));
      }
      default -> json(404, StripeJson.error("invalid_request_error", "No such resource"));
    };
  }

  /**
   * Makes the next refund call get this answer instead of a created refund.
   *
   * @param answer makes the answer
   */
  public void answerNextRefund(Supplier<MockResponse> answer) {
    refundAnswers.add(answer);
  }

  /**
   * Returns every request received, in order.
   *
   * @return the requests
   */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * Returns the refund requests received, in order.
   *
   * @return the refund requests
   */
  public List<RecordedRequest> refunds() {
    return requests.stream().filter(r -> r.getUrl().encodedPath().equals("/v1/refunds")).toList();
  }

  /**
   * Returns the metadata sent when the last Checkout session was created.
   *
   * @return the metadata
   * @throws java.util.NoSuchElementException if no session was created
   */
  public Map<String, String> lastCheckoutMetadata() {
    return StripeJson.metadataOf(requests.stream()
        .filter(r -> r.getUrl().encodedPath().equals("/v1/checkout/sessions")).reduce((a, b) -> b).orElseThrow());
  }

  /**
   * Builds a JSON answer with a status, for {@link #answerNextRefund}.
   *
   * @param code the HTTP status
   * @param body the JSON body
   * @return the answer
   */
  public static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }
}
