/**
 * Clouvel core: turns Reddit posts into print-on-demand products.
 *
 * <p><b>To call:</b> {@link ai.clouvel.core.Clouvel#builder()}, then {@code build()} for the
 * pipeline alone, or {@code build(ClouvelStore)} for a {@link ai.clouvel.core.DurableClouvel}
 * with commissions. <b>To implement:</b> the ports, one per concept package ({@code content},
 * {@code idea}, {@code image}, {@code product}, {@code payment}, {@code event}); anything not
 * given falls back to its offline implementation in {@code offline}. The packages form layers
 * without cycles: values and ports at the bottom, {@code store} above them, {@code pipeline} and
 * {@code commission} on top.
 */
package ai.clouvel.core;
