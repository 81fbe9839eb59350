package ai.clouvel.core.content;

/**
 * A comment on a post.
 *
 * @param id base-36 comment id
 * @param author the author's username
 * @param body the comment text
 * @param score the comment's score
 */
public record Comment(String id, String author, String body, int score) {
}
