/**
 * Tokens, images and cost of provider calls, in cents.
 *
 * <p><b>To call:</b> {@code store.usage().totals()}. <b>To return</b> from a port you implement:
 * a {@link ai.clouvel.core.usage.Usage} with every model call, so spending is accounted.
 */
package ai.clouvel.core.usage;
