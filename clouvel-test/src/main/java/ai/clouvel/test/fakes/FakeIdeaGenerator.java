package ai.clouvel.test.fakes;

import ai.clouvel.core.idea.GeneratedIdea;
import ai.clouvel.core.idea.IdeaGenerator;
import ai.clouvel.core.idea.IdeaRequest;
import ai.clouvel.core.idea.ProductIdea;
import ai.clouvel.core.usage.Usage;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link IdeaGenerator} answering with a fixed idea and usage; records each request. Thread-safe.
 */
public final class FakeIdeaGenerator implements IdeaGenerator {
  private final List<IdeaRequest> requests = new CopyOnWriteArrayList<>();
  private final ScriptedFailures failures = new ScriptedFailures();
  private volatile GeneratedIdea answer = new GeneratedIdea(
      new ProductIdea("Summit glow", "Whitney at Dawn", "A granite peak glowing pink above a sea of clouds."),
      "fake-v1", new Usage("fake-idea", 100, 50, 0, 45));

  /**
   * Sets the idea every call returns.
   *
   * @param idea the idea
   * @return this fake
   */
  public FakeIdeaGenerator answer(GeneratedIdea idea) {
    this.answer = Objects.requireNonNull(idea, "idea");
    return this;
  }

  /**
   * Makes the next call fail.
   *
   * @param failure what it throws, for example a {@code ContentRejectedException}
   * @return this fake
   */
  public FakeIdeaGenerator failNext(RuntimeException failure) {
    failures.add(failure);
    return this;
  }

  @Override
  public GeneratedIdea generate(IdeaRequest request) {
    requests.add(request);
    failures.throwIfScripted();
    return answer;
  }

  /**
   * Returns every request, in order.
   *
   * @return the requests
   */
  public List<IdeaRequest> requests() {
    return List.copyOf(requests);
  }
}
