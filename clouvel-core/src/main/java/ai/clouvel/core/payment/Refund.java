package ai.clouvel.core.payment;

/**
 * A refund the gateway made.
 *
 * @param refundId the gateway's id
 * @param status the gateway's status, for example {@code "succeeded"} or {@code "pending"}
 */
public record Refund(String refundId, String status) {
}
