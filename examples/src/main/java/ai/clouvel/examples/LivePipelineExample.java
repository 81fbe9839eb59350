package ai.clouvel.examples;

import ai.clouvel.agents.LiveProviders;
import ai.clouvel.core.Clouvel;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.pipeline.PipelineRequest;
import ai.clouvel.core.pipeline.PipelineResult;
import ai.clouvel.core.pipeline.PostSelection;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.product.PublicLinks;
import ai.clouvel.core.time.Sleeper;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * The pipeline with live providers chosen from environment variables: set
 * {@code OPENAI_API_KEY} for OpenAI ideas and images, {@code REDDIT_CLIENT_ID},
 * {@code REDDIT_CLIENT_SECRET} and {@code REDDIT_USER_AGENT} for Reddit, and
 * {@code ZAZZLE_AFFILIATE_ID} for Zazzle links. Anything not set stays offline, so this runs
 * without keys too.
 *
 * <pre>
 * OPENAI_API_KEY=sk-... mvn -q -pl examples exec:java -Dexec.mainClass=ai.clouvel.examples.LivePipelineExample -Dexec.args=hiking
 * </pre>
 */
public final class LivePipelineExample {
  private LivePipelineExample() {
  }

  public static void main(String[] args) {
    run(System.getenv(), args.length > 0 ? args[0] : null, System.out);
  }

  static Product run(Map<String, String> env, String subreddit, PrintStream out) {
    // The providers share one HTTP client, closed (after Clouvel) when the try block ends.
    try (LiveProviders live = LiveProviders.fromEnvironment(env, Clock.systemUTC(), Sleeper.system());
         Clouvel clouvel = live.applyTo(Clouvel.builder()).build()) {
      out.println("Providers: " + live.describe());
      PostSelection selection = subreddit == null ? PostSelection.anySubreddit() : PostSelection.fromSubreddit(subreddit);
      PipelineResult result = clouvel.pipeline().run(
          new PipelineRequest(selection, ImageQuality.STANDARD, "print", ""),
          progress -> out.printf("%3d%% %s%n", progress.percent(), progress.message()));
      Product product = result.product();
      out.println("Made \"" + product.idea().imageTitle() + "\" from r/" + product.subreddit());
      out.println("Buy it at " + PublicLinks.resolve(clouvel.publicBaseUrl(), product.links().productUrl()));
      return product;
    }
  }
}
