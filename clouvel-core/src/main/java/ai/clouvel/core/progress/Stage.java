package ai.clouvel.core.progress;

import ai.clouvel.core.internal.WireNames;
import java.util.Optional;

/**
 * The stages a product goes through, each with the percentage it stands for. Wire names are the
 * snake_case constant names, for example {@code "image_generation_started"}.
 */
public enum Stage {
  /** Waiting in the queue (0%). */
  QUEUED(0),
  /** Reading the post (10%). */
  POST_FETCHING(10),
  /** The post is read (20%). */
  POST_FETCHED(20),
  /** The idea is ready (30%). */
  PRODUCT_DESIGNED(30),
  /** The image call started (40%). */
  IMAGE_GENERATION_STARTED(40),
  /** The image call is running (40-89%, from elapsed time and an estimate). */
  IMAGE_GENERATION_IN_PROGRESS(40),
  /** The image is painted (90%). */
  IMAGE_GENERATED(90),
  /** The product is being published (95%). */
  PUBLISHING(95),
  /** Done (100%). */
  COMMISSION_COMPLETE(100),
  /** Failed; the percentage stays where the failure happened. */
  FAILED(0);

  private final int percent;

  Stage(int percent) {
    this.percent = percent;
  }

  /**
   * Returns the percentage this stage stands for.
   *
   * @return 0 to 100
   */
  public int percent() {
    return percent;
  }

  /**
   * Returns the snake_case name used in JSON.
   *
   * @return the wire name
   */
  public String wireName() {
    return WireNames.of(this);
  }

  /**
   * Finds a stage by its wire name.
   *
   * @param wire the wire name
   * @return the stage, or empty
   */
  public static Optional<Stage> fromWire(String wire) {
    return WireNames.parse(Stage.class, wire);
  }
}
