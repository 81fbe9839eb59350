/** Images: the {@link ai.clouvel.core.image.ImageGenerator}, {@link ai.clouvel.core.image.ImageStamper} and {@link ai.clouvel.core.image.ImageHost} ports. */
package ai.clouvel.core.image;
