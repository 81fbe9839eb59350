package ai.clouvel.core.content;

/**
 * Metadata about a subreddit.
 *
 * @param name the subreddit name without {@code r/}
 * @param title its display title
 * @param subscribers how many members it has
 * @param nsfw whether the whole subreddit is over-18
 */
public record Subreddit(String name, String title, long subscribers, boolean nsfw) {
}
