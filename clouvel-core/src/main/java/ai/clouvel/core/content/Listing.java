package ai.clouvel.core.content;

/** Which listing of a subreddit to read. */
public enum Listing {
  /** Reddit's "hot" ranking: what is trending now. */
  HOT,
  /** The highest-scoring posts of the past day. */
  TOP_DAY,
  /** The highest-scoring posts of the past week. */
  TOP_WEEK,
  /** The newest posts first. */
  NEW
}
