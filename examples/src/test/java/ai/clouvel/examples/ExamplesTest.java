package ai.clouvel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.pipeline.PipelineResult;
import ai.clouvel.core.product.Product;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples run as documented, offline when no keys are set. */
class ExamplesTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

  @Test
  void theLivePipelineExampleFallsBackToOfflineProvidersWithoutKeys() {
    Product product = LivePipelineExample.run(Map.of(), "hiking", print);
    assertThat(product.subreddit()).isEqualTo("hiking");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("content=demo", "100%", "Buy it at");
  }

  @Test
  void theCustomImageGeneratorExampleUsesTheLambda() {
    PipelineResult result = CustomImageGeneratorExample.run(print);
    assertThat(result.product().imageModel()).isEqualTo("gradient-painter");
    assertThat(result.product().subreddit()).isEqualTo("space");
  }
}
