package ai.clouvel.stripe;

import ai.clouvel.core.payment.CheckoutSession;
import ai.clouvel.core.payment.GatewayId;
import ai.clouvel.core.payment.InvalidWebhookException;
import ai.clouvel.core.payment.PaymentEvent;
import ai.clouvel.core.payment.PaymentGateway;
import ai.clouvel.core.payment.PaymentIntent;
import ai.clouvel.core.payment.PaymentMetadata;
import ai.clouvel.core.payment.PaymentRequest;
import ai.clouvel.core.payment.Refund;
import ai.clouvel.core.payment.RefundRequest;
import ai.clouvel.stripe.internal.StripeErrors;
import ai.clouvel.stripe.internal.StripeEvents;
import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link PaymentGateway} on Stripe, through stripe-java: Checkout Sessions (one line item
 * named after the tier), PaymentIntents, webhook verification of {@code Stripe-Signature} with a
 * 300-second tolerance, and refunds with an idempotency key. The API base is configurable, so
 * tests and staging can point it anywhere. Thread-safe.
 */
public final class StripePaymentGateway implements PaymentGateway {
  /** Stripe's gateway id, {@code stripe}. */
  public static final GatewayId ID = GatewayId.of("stripe");

  private final StripeClient client;
  private final String webhookSecret;
  private final Duration tolerance;
  private final Clock clock;

  private StripePaymentGateway(Builder builder) {
    StripeClient.StripeClientBuilder stripe = StripeClient.builder()
        .setApiKey(builder.secretKey)
        .setMaxNetworkRetries(builder.maxNetworkRetries)
        .setConnectTimeout((int) builder.connectTimeout.toMillis())
        .setReadTimeout((int) builder.readTimeout.toMillis());
    if (builder.apiBase != null) {
      stripe.setApiBase(builder.apiBase);
    }
    this.client = stripe.build();
    this.webhookSecret = builder.webhookSecret;
    this.tolerance = builder.tolerance;
    this.clock = builder.clock;
  }

  /**
   * Starts configuring a gateway.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public GatewayId id() {
    return ID;
  }

  @Override
  public CheckoutSession createCheckoutSession(PaymentRequest request) {
    SessionCreateParams.Builder params = SessionCreateParams.builder()
        .setMode(SessionCreateParams.Mode.PAYMENT)
        .setSuccessUrl(Objects.requireNonNull(request.successUrl(), "successUrl"))
        .setCancelUrl(Objects.requireNonNull(request.cancelUrl(), "cancelUrl"))
        .addLineItem(SessionCreateParams.LineItem.builder()
            .setQuantity(1L)
            .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                .setCurrency("usd")
                .setUnitAmount(request.amount().cents())
                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                    .setName(request.productName())
                    .build())
                .build())
            .build())
        .putAllMetadata(request.metadata())
        .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
            .putAllMetadata(request.metadata())
            .build());
    if (request.customerEmail() != null && !request.customerEmail().isBlank()) {
      params.setCustomerEmail(request.customerEmail());
    }
    try {
      Session session = client.v1().checkout().sessions().create(params.build());
      return new CheckoutSession(session.getId(), session.getUrl());
    } catch (StripeException e) {
      throw StripeErrors.translate(e);
    }
  }

  @Override
  public PaymentIntent createPaymentIntent(PaymentRequest request) {
    PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
        .setAmount(request.amount().cents())
        .setCurrency("usd")
        .setDescription(request.productName())
        .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
            .setEnabled(true).build())
        .putAllMetadata(request.metadata());
    if (request.customerEmail() != null && !request.customerEmail().isBlank()) {
      params.setReceiptEmail(request.customerEmail());
    }
    try {
      com.stripe.model.PaymentIntent intent = client.v1().paymentIntents().create(params.build());
      return new PaymentIntent(intent.getId(), intent.getClientSecret());
    } catch (StripeException e) {
      throw StripeErrors.translate(e);
    }
  }

  @Override
  public PaymentEvent parseWebhook(String payload, String signature) {
    if (payload == null || signature == null || signature.isBlank()) {
      throw new InvalidWebhookException("missing Stripe-Signature", null);
    }
    Event event;
    try {
      event = Webhook.constructEvent(payload, signature, webhookSecret, tolerance.toSeconds(), clock);
    } catch (SignatureVerificationException e) {
      throw new InvalidWebhookException("Stripe-Signature does not verify", e);
    } catch (RuntimeException e) {
      throw new InvalidWebhookException("malformed Stripe event", e);
    }
    return StripeEvents.toPaymentEvent(event);
  }

  @Override
  public Refund refund(RefundRequest request) {
    try {
      String paymentIntent = request.refs().get(StripeEvents.PAYMENT_INTENT).orElse(null);
      if (paymentIntent == null && request.paymentId().startsWith("cs_")) {
        paymentIntent = client.v1().checkout().sessions().retrieve(request.paymentId()).getPaymentIntent();
      }
      if (paymentIntent == null) {
        paymentIntent = request.paymentId();
      }
      Map<String, String> metadata = new LinkedHashMap<>();
      metadata.put(PaymentMetadata.MARKER, "1");
      metadata.put("reason", request.reason().length() > 500 ? request.reason().substring(0, 500) : request.reason());
      com.stripe.model.Refund refund = client.v1().refunds().create(RefundCreateParams.builder()
              .setPaymentIntent(paymentIntent)
              .setAmount(request.amount().cents())
              .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
              .putAllMetadata(metadata)
              .build(),
          RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build());
      return new Refund(refund.getId(), refund.getStatus());
    } catch (StripeException e) {
      throw StripeErrors.translate(e);
    }
  }

  /** Configures a {@link StripePaymentGateway}. */
  public static final class Builder {
    private String secretKey;
    private String webhookSecret;
    private String apiBase;
    private Duration tolerance = Duration.ofSeconds(300);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private int maxNetworkRetries;
    private Clock clock = Clock.systemUTC();

    private Builder() {
    }

    /**
     * Sets the secret API key ({@code STRIPE_SECRET_KEY}). Required; never logged.
     *
     * @param secretKey the key
     * @return this builder
     */
    public Builder secretKey(String secretKey) {
      this.secretKey = Objects.requireNonNull(secretKey, "secretKey").strip();
      return this;
    }

    /**
     * Sets the webhook signing secret ({@code STRIPE_WEBHOOK_SECRET}). Required.
     *
     * @param webhookSecret the {@code whsec_...} secret
     * @return this builder
     */
    public Builder webhookSecret(String webhookSecret) {
      this.webhookSecret = Objects.requireNonNull(webhookSecret, "webhookSecret").strip();
      return this;
    }

    /**
     * Sets the API address ({@code STRIPE_API_BASE}). Default: Stripe's.
     *
     * @param apiBase the address, for example a MockWebServer's
     * @return this builder
     */
    public Builder apiBase(String apiBase) {
      String url = Objects.requireNonNull(apiBase, "apiBase").strip();
      this.apiBase = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
      return this;
    }

    /**
     * Sets how old a webhook signature may be. Default: 300 seconds, as Stripe recommends.
     *
     * @param tolerance the tolerance
     * @return this builder
     */
    public Builder webhookTolerance(Duration tolerance) {
      this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
      return this;
    }

    /**
     * Sets the connect and read timeouts. Defaults: 10 s and 30 s.
     *
     * @param connect the connect timeout
     * @param read the read timeout
     * @return this builder
     */
    public Builder timeouts(Duration connect, Duration read) {
      this.connectTimeout = Objects.requireNonNull(connect, "connect");
      this.readTimeout = Objects.requireNonNull(read, "read");
      return this;
    }

    /**
     * Sets how many times stripe-java retries a failed call itself. Default: 0, because failed
     * refunds are retried later by Clouvel with the same idempotency key, and stripe-java's own
     * retries wait on real time.
     *
     * @param retries the retries
     * @return this builder
     */
    public Builder maxNetworkRetries(int retries) {
      this.maxNetworkRetries = retries;
      return this;
    }

    /**
     * Sets the clock webhook timestamps are checked against. Default: system UTC.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the gateway.
     *
     * @return the gateway
     * @throws IllegalStateException if the secret key or webhook secret is missing
     */
    public StripePaymentGateway build() {
      if (secretKey == null || secretKey.isBlank()) {
        throw new IllegalStateException("Stripe needs STRIPE_SECRET_KEY");
      }
      if (webhookSecret == null || webhookSecret.isBlank()) {
        throw new IllegalStateException("Stripe needs STRIPE_WEBHOOK_SECRET to verify webhooks");
      }
      return new StripePaymentGateway(this);
    }
  }

}
