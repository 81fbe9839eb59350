/** Product ideas: the {@link ai.clouvel.core.idea.IdeaGenerator} and {@link ai.clouvel.core.idea.CommentSummarizer} ports. */
package ai.clouvel.core.idea;
