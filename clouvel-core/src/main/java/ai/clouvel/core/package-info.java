/**
 * Clouvel core: turns Reddit posts into print-on-demand products.
 *
 * <p>Start with {@link ai.clouvel.core.Clouvel#builder()}. The ports live in concept packages
 * ({@code content}, {@code idea}, {@code image}, {@code product}, {@code payment}, {@code store});
 * the pipeline that connects them lives in {@code pipeline}; offline implementations that need no
 * network and no keys live in {@code offline}.
 */
package ai.clouvel.core;
