/**
 * Product ideas.
 *
 * <p><b>To implement:</b> {@link ai.clouvel.core.idea.IdeaGenerator} (a post and what its comments
 * say in, a theme, an image title and an image description out) and
 * {@link ai.clouvel.core.idea.CommentSummarizer}; both fit in a lambda. The offline ones are in
 * {@code offline}, the OpenAI ones in {@code clouvel-agents}.
 */
package ai.clouvel.core.idea;
