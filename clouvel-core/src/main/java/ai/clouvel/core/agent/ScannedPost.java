package ai.clouvel.core.agent;

import java.time.Instant;

/**
 * A post a scanning agent looked at, and what it thought of it.
 *
 * @param postId the post
 * @param subreddit its subreddit
 * @param title its title
 * @param score how promising the agent found it, higher is better
 * @param verdict {@code "candidate"} or the reason it was rejected
 * @param scannedAt when
 */
public record ScannedPost(String postId, String subreddit, String title, double score, String verdict,
    Instant scannedAt) {
}
