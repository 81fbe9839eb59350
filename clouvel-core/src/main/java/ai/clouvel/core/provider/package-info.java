/**
 * Typed failures of providers (model, image, content and payment APIs), and how to observe the
 * calls made to them.
 *
 * <p><b>To throw</b> from a port you implement: {@link ai.clouvel.core.provider.RateLimitedException}
 * and {@link ai.clouvel.core.provider.ProviderUnavailableException} are retried,
 * {@link ai.clouvel.core.provider.ContentRejectedException} and
 * {@link ai.clouvel.core.provider.ProviderRequestException} are not; the pipeline and the
 * commission engine decide by type.
 *
 * <p><b>To implement</b> to observe calls: {@link ai.clouvel.core.provider.ProviderCallListener}
 * hears every model call of the pipeline ({@code Clouvel.builder().callListener(...)}) and every
 * HTTP attempt of the live providers (their builders' {@code callListener}): a
 * {@link ai.clouvel.core.provider.ProviderCall} before it is sent, then a
 * {@link ai.clouvel.core.provider.ProviderResponse} (usage, cost, duration) or a
 * {@link ai.clouvel.core.provider.ProviderError}. Clouvel's usage accounting listens the same way.
 */
package ai.clouvel.core.provider;
