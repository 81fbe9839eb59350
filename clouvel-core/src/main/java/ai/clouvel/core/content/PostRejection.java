package ai.clouvel.core.content;

/** Why a post is not a good candidate for a product. */
public enum PostRejection {
  /** Marked over-18 while NSFW is not allowed. */
  NSFW("post is marked NSFW"),
  /** Pinned by moderators. */
  STICKIED("post is stickied"),
  /** Comments are locked. */
  LOCKED("post is locked"),
  /** Removed or deleted. */
  REMOVED("post was removed"),
  /** Older than the allowed age. */
  TOO_OLD("post is too old"),
  /** The title is too short to inspire anything. */
  TITLE_TOO_SHORT("post title is too short"),
  /** No text and too little engagement. */
  NOT_ENOUGH_SUBSTANCE("post has no text and too little engagement"),
  /** A product was already made from it. */
  ALREADY_ILLUSTRATED("post was already illustrated");

  private final String message;

  PostRejection(String message) {
    this.message = message;
  }

  /**
   * Returns a human sentence fragment explaining the rejection.
   *
   * @return the explanation, for example {@code "post is marked NSFW"}
   */
  public String message() {
    return message;
  }
}
