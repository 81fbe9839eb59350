/** Posts, comments and subreddits, the {@link ai.clouvel.core.content.ContentSource} port, and post selection rules. */
package ai.clouvel.core.content;
