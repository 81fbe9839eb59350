/**
 * Implementations of the ports that need no network and no keys: sample posts, template ideas,
 * procedural paintings and a local product page. Good enough to be the demo.
 */
package ai.clouvel.core.offline;
