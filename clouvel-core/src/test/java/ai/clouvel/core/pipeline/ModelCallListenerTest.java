package ai.clouvel.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.Clouvel;
import ai.clouvel.core.image.GeneratedImage;
import ai.clouvel.core.offline.PaintedImageGenerator;
import ai.clouvel.core.provider.ContentRejectedException;
import ai.clouvel.core.provider.ProviderCall;
import ai.clouvel.core.provider.ProviderCallListener;
import ai.clouvel.core.provider.ProviderError;
import ai.clouvel.core.provider.ProviderResponse;
import ai.clouvel.core.store.InMemoryCatalogStore;
import ai.clouvel.core.testing.ManualTicker;
import ai.clouvel.core.testing.MutableClock;
import ai.clouvel.core.usage.Usage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Model calls are told to the embedder's listener, and usage is accounted by listening to them. */
class ModelCallListenerTest {
  private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
  private final InMemoryCatalogStore catalog = new InMemoryCatalogStore(clock);
  private final List<Object> heard = new CopyOnWriteArrayList<>();
  private final ProviderCallListener recorder = new ProviderCallListener() {
    @Override
    public void onRequest(ProviderCall call) {
      heard.add(call);
    }

    @Override
    public void onResponse(ProviderResponse response) {
      heard.add(response);
    }

    @Override
    public void onError(ProviderError error) {
      heard.add(error);
    }
  };

  private Clouvel.Builder builder() {
    return Clouvel.builder().clock(clock).ticker(new ManualTicker()).callListener(recorder);
  }

  @Test
  void everyModelCallIsHeardWithItsUsageCostAndClockDuration() {
    PaintedImageGenerator painter = new PaintedImageGenerator();
    try (Clouvel clouvel = builder().imageGenerator(request -> {
      clock.advance(Duration.ofMillis(1500));
      GeneratedImage painted = painter.generate(request);
      return new GeneratedImage(painted.png(), painted.revisedPrompt(), new Usage("painter-x", 10, 20, 1, 40_049));
    }).build(catalog)) {
      PipelineResult result = clouvel.pipeline().run(PipelineRequest.of(PostSelection.fromSubreddit("hiking")),
          p -> { });

      List<ProviderResponse> responses = heard.stream().filter(ProviderResponse.class::isInstance)
          .map(ProviderResponse.class::cast).toList();
      assertThat(heard).hasSize(6);
      ProviderCall first = (ProviderCall) heard.get(0);
      assertThat(first.runId()).isNotBlank();
      assertThat(first).isEqualTo(new ProviderCall("ExcerptCommentSummarizer", "summary", null, 1, first.runId()));
      assertThat(responses).extracting(r -> r.call().operation()).containsExactly("summary", "idea", "image");
      assertThat(responses).allSatisfy(r -> assertThat(r.call().runId()).isEqualTo(first.runId()));
      ProviderResponse image = responses.get(2);
      assertThat(image.call().model()).isEqualTo("painter-x");
      assertThat(image.duration()).isEqualTo(Duration.ofMillis(1500));
      assertThat(image.costCents()).isEqualTo(4);
      assertThat(responses.get(0).duration()).isZero();

      // The accounting is a listener too: what the embedder hears is exactly what is recorded.
      assertThat(result.usage()).containsExactlyElementsOf(responses.stream().map(ProviderResponse::usage).toList());
      assertThat(catalog.usage().totals().calls()).isEqualTo(3);
      assertThat(catalog.usage().totals().costMicros()).isEqualTo(40_049);
      assertThat(catalog.usage().totals().images()).isEqualTo(1);
    }
  }

  @Test
  void aFailedCallIsHeardAsAnErrorAndAccountsNothing() {
    try (Clouvel clouvel = builder().imageGenerator(request -> {
      clock.advance(Duration.ofSeconds(2));
      throw new ContentRejectedException("painter", "no lighthouses");
    }).build(catalog)) {
      assertThatThrownBy(() -> clouvel.pipeline().run(PipelineRequest.of(PostSelection.fromSubreddit("hiking")),
          p -> { })).isInstanceOf(PipelineException.class);
    }
    ProviderError error = heard.stream().filter(ProviderError.class::isInstance).map(ProviderError.class::cast)
        .findFirst().orElseThrow();
    assertThat(error.call().operation()).isEqualTo("image");
    assertThat(error.error()).isInstanceOf(ContentRejectedException.class);
    assertThat(error.duration()).isEqualTo(Duration.ofSeconds(2));
    assertThat(error.retried()).isFalse();
    assertThat(catalog.usage().totals().calls()).as("summary and idea only").isEqualTo(2);
  }

  @Test
  void aFailingListenerNeverFailsTheRun() {
    ProviderCallListener broken = new ProviderCallListener() {
      @Override
      public void onResponse(ProviderResponse response) {
        throw new IllegalStateException("listener bug");
      }
    };
    try (Clouvel clouvel = builder().callListener(ProviderCallListener.all(List.of(broken, recorder))).build(catalog)) {
      PipelineResult result = clouvel.pipeline().run(PipelineRequest.of(PostSelection.fromSubreddit("hiking")),
          p -> { });
      assertThat(result.product()).isNotNull();
    }
    assertThat(heard).filteredOn(ProviderResponse.class::isInstance).hasSize(3);
    assertThat(catalog.usage().totals().calls()).isEqualTo(3);
  }
}
