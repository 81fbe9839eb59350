/**
 * Implementations of every pipeline port that need no network and no keys: sample posts, template
 * ideas, procedural paintings, a local product page and a demo payment gateway. They are the
 * defaults of {@code Clouvel.builder()} and the demo. <b>To call:</b> construct one to replace a
 * live port in a test; nothing here is meant to be extended.
 */
package ai.clouvel.core.offline;
