package ai.clouvel.core.pipeline;

import ai.clouvel.core.image.ImageQuality;
import java.util.Objects;

/**
 * One product to make.
 *
 * @param selection which post to use
 * @param quality the image quality
 * @param template the product template name or id, for example {@code "print"}
 * @param commissionMessage the commissioner's wish; empty if none
 */
public record PipelineRequest(PostSelection selection, ImageQuality quality, String template,
    String commissionMessage) {

  public PipelineRequest {
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(template, "template");
    commissionMessage = commissionMessage == null ? "" : commissionMessage;
  }

  /**
   * Returns a standard-quality print request.
   *
   * @param selection which post to use
   * @return the request
   */
  public static PipelineRequest of(PostSelection selection) {
    return new PipelineRequest(selection, ImageQuality.STANDARD, "print", "");
  }

  /**
   * Returns a copy at another quality.
   *
   * @param quality the image quality
   * @return the changed copy
   */
  public PipelineRequest withQuality(ImageQuality quality) {
    return new PipelineRequest(selection, quality, template, commissionMessage);
  }
}
