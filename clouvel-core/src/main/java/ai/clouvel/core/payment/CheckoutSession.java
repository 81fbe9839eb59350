package ai.clouvel.core.payment;

/**
 * A hosted checkout page.
 *
 * @param sessionId the gateway's id of the session; the donation's payment id
 * @param checkoutUrl where to send the payer
 */
public record CheckoutSession(String sessionId, String checkoutUrl) {
}
