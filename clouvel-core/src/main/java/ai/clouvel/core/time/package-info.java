/** Injectable time: sleepers and tickers, so that no test ever waits for real time. */
package ai.clouvel.core.time;
