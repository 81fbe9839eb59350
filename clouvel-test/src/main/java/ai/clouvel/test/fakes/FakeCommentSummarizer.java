package ai.clouvel.test.fakes;

import ai.clouvel.core.content.Comment;
import ai.clouvel.core.content.Post;
import ai.clouvel.core.idea.CommentSummarizer;
import ai.clouvel.core.idea.CommentSummary;
import ai.clouvel.core.usage.Usage;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link CommentSummarizer} answering with a fixed summary and usage. Thread-safe. */
public final class FakeCommentSummarizer implements CommentSummarizer {
  private final List<Post> posts = new CopyOnWriteArrayList<>();
  private final ScriptedFailures failures = new ScriptedFailures();
  private volatile CommentSummary answer = new CommentSummary("Commenters love it.", Usage.free("fake-summary"));

  /**
   * Sets the summary every call returns.
   *
   * @param summary the summary
   * @return this fake
   */
  public FakeCommentSummarizer answer(CommentSummary summary) {
    this.answer = Objects.requireNonNull(summary, "summary");
    return this;
  }

  /**
   * Makes the next call fail.
   *
   * @param failure what it throws
   * @return this fake
   */
  public FakeCommentSummarizer failNext(RuntimeException failure) {
    failures.add(failure);
    return this;
  }

  @Override
  public CommentSummary summarize(Post post, List<Comment> comments) {
    posts.add(post);
    failures.throwIfScripted();
    return answer;
  }

  /**
   * Returns the posts whose comments were summarised, in order.
   *
   * @return the posts
   */
  public List<Post> posts() {
    return List.copyOf(posts);
  }
}
