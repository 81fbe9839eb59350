/** Time that tests move by hand: a clock, a sleeper that never waits, a ticker fired on demand. */
package ai.clouvel.test.time;
