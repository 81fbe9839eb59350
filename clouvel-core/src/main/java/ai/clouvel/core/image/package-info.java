/**
 * Images.
 *
 * <p><b>To implement:</b> {@link ai.clouvel.core.image.ImageGenerator} (a prompt, quality and size
 * in, PNG bytes and usage out), {@link ai.clouvel.core.image.ImageStamper} to post-process the
 * finished image, {@link ai.clouvel.core.image.ImageHost} to keep images somewhere other than the
 * store, and {@link ai.clouvel.core.image.ImageRepository} only when writing a store.
 */
package ai.clouvel.core.image;
