/**
 * Posts, comments and subreddits.
 *
 * <p><b>To implement:</b> {@link ai.clouvel.core.content.ContentSource} to read posts from
 * somewhere other than Reddit (three methods: trending posts, one post, its top comments);
 * {@link ai.clouvel.core.content.PostRepository} only when writing a store. <b>To call:</b>
 * {@link ai.clouvel.core.content.PostFilter} to decide which posts are fit to illustrate, and
 * {@link ai.clouvel.core.content.PostIds} to read a post id out of a Reddit URL.
 */
package ai.clouvel.core.content;
