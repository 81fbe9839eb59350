/**
 * Typed failures of providers (model, image, content and payment APIs).
 *
 * <p><b>To throw</b> from a port you implement: {@link ai.clouvel.core.provider.RateLimitedException}
 * and {@link ai.clouvel.core.provider.ProviderUnavailableException} are retried,
 * {@link ai.clouvel.core.provider.ContentRejectedException} and
 * {@link ai.clouvel.core.provider.ProviderRequestException} are not; the pipeline and the
 * commission engine decide by type.
 */
package ai.clouvel.core.provider;
