/** Products and the {@link ai.clouvel.core.product.ProductPublisher} port. */
package ai.clouvel.core.product;
