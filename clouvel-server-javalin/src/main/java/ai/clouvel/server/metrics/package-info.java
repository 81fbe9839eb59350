/**
 * Prometheus metrics of the reference server, on Micrometer: HTTP requests, the task queue and its
 * outcomes, refunds, provider calls, model spend, WebSocket connections, the JVM and the database pools.
 */
package ai.clouvel.server.metrics;
