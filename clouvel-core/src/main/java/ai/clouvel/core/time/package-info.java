/**
 * Injectable time, so that no test ever waits for real time.
 *
 * <p><b>To implement</b> in tests: {@link ai.clouvel.core.time.Sleeper} and
 * {@link ai.clouvel.core.time.Ticker} with manual versions; production uses
 * {@link ai.clouvel.core.time.Sleeper#system()} and {@link ai.clouvel.core.time.ScheduledTicker}.
 */
package ai.clouvel.core.time;
