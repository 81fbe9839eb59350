/** Money as whole cents. */
package ai.clouvel.core.money;
