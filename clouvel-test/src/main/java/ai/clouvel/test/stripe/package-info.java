/**
 * Stripe without the internet: {@link ai.clouvel.test.stripe.StripeWebhookSigner} signs webhook
 * payloads exactly as Stripe does, {@link ai.clouvel.test.stripe.StripeJson} writes the objects and
 * events Clouvel's gateway reads, and {@link ai.clouvel.test.stripe.FakeStripeApi} answers the API
 * calls the gateway makes, on MockWebServer.
 */
package ai.clouvel.test.stripe;
