/** Typed provider failures that callers can act on. */
package ai.clouvel.core.provider;
