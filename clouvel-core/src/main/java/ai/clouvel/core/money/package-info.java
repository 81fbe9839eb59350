/**
 * Money as whole cents, never floating point. <b>To call:</b> {@link ai.clouvel.core.money.Money}.
 */
package ai.clouvel.core.money;
