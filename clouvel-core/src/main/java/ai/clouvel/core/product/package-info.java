/**
 * Products.
 *
 * <p><b>To implement:</b> {@link ai.clouvel.core.product.ProductPublisher} to publish somewhere
 * other than Zazzle (a hosted image and an idea in, the product's links out);
 * {@link ai.clouvel.core.product.ProductRepository} and
 * {@link ai.clouvel.core.product.GalleryRepository} only when writing a store.
 */
package ai.clouvel.core.product;
