package ai.clouvel.core.payment;

import ai.clouvel.core.money.Money;
import java.util.Map;
import java.util.Objects;

/**
 * A payment to ask a {@link PaymentGateway} for.
 *
 * @param amount the amount, in US dollars
 * @param productName the line item shown to the payer, for example {@code "Gold commission"}
 * @param customerEmail the payer's email for the receipt, or {@code null}
 * @param metadata what to attach to the payment so a webhook can fulfil it; see {@link PaymentMetadata}
 * @param successUrl where Checkout sends the payer after paying ({@code {CHECKOUT_SESSION_ID}} is replaced)
 * @param cancelUrl where Checkout sends the payer on cancel
 */
public record PaymentRequest(Money amount, String productName, String customerEmail,
    Map<String, String> metadata, String successUrl, String cancelUrl) {

  public PaymentRequest {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(productName, "productName");
    metadata = Map.copyOf(metadata);
    if (amount.cents() <= 0) {
      throw new IllegalArgumentException("a payment must be positive");
    }
  }
}
