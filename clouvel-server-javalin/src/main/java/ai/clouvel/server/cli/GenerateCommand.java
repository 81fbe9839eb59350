package ai.clouvel.server.cli;

import ai.clouvel.core.Clouvel;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.image.StoredImage;
import ai.clouvel.core.pipeline.PipelineException;
import ai.clouvel.core.pipeline.PipelineRequest;
import ai.clouvel.core.pipeline.PipelineResult;
import ai.clouvel.core.pipeline.PostSelection;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.product.PublicLinks;
import ai.clouvel.core.progress.Progress;
import ai.clouvel.core.store.ClouvelStore;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code generate}: makes products end to end with whatever providers are configured (offline
 * ones when there are no keys), shows progress as it goes, saves through the store and writes
 * each PNG and a summary to a folder.
 */
final class GenerateCommand {
  static final String USAGE = """
      Usage: java -jar clouvel-server.jar generate [options]

        --count N           how many products to make (1-100, default 3)
        --subreddit NAME    take posts from this subreddit (default: any)
        --quality Q         standard or hd (default standard)
        --out DIR           where to write the PNGs and summary (default ./generated)
        --database URL      the store (default: DATABASE_URL, else sqlite:./data/clouvel.db)
      """;

  private final PrintStream out;
  private final Function<ClouvelStore, Clouvel> clouvelFactory;
  private final Function<String, ClouvelStore> storeFactory;

  GenerateCommand(PrintStream out, Function<String, ClouvelStore> storeFactory,
      Function<ClouvelStore, Clouvel> clouvelFactory) {
    this.out = out;
    this.storeFactory = storeFactory;
    this.clouvelFactory = clouvelFactory;
  }

  /** Runs the command; returns the process exit code. */
  int run(List<String> arguments, String defaultDatabaseUrl) {
    Args args = Args.parse(arguments, Set.of("count", "subreddit", "quality", "out", "database"),
        Set.of("help"));
    if (args.flag("help")) {
      out.print(USAGE);
      return 0;
    }
    int count = args.intValue("count", 3, 1, 100);
    ImageQuality quality = switch (args.value("quality").orElse("standard").toLowerCase(Locale.ROOT)) {
      case "standard" -> ImageQuality.STANDARD;
      case "hd" -> ImageQuality.HD;
      default -> throw new Args.UsageException("--quality must be standard or hd");
    };
    PostSelection selection = args.value("subreddit")
        .map(name -> name.startsWith("r/") ? name.substring(2) : name)
        .map(PostSelection::fromSubreddit)
        .orElse(PostSelection.anySubreddit());
    Path folder = Path.of(args.value("out").orElse("generated"));
    createDirectories(folder);

    List<GeneratedProduct> made = new ArrayList<>();
    int failures = 0;
    try (ClouvelStore store = storeFactory.apply(args.value("database").orElse(defaultDatabaseUrl));
         Clouvel clouvel = clouvelFactory.apply(store)) {
      out.println("Generating " + count + " product(s) into " + folder.toAbsolutePath().normalize()
          + " (store: " + store.describe() + ")");
      for (int i = 1; i <= count; i++) {
        String prefix = "[" + i + "/" + count + "] ";
        try {
          PipelineResult result = clouvel.pipeline().run(
              new PipelineRequest(selection, quality, "print", ""),
              progress -> out.println(prefix + format(progress)));
          made.add(write(folder, store, clouvel.publicBaseUrl(), result.product()));
        } catch (PipelineException e) {
          failures++;
          out.println(prefix + "failed at " + e.stage().wireName() + ": " + e.getMessage());
        }
      }
      writeGeneratedProduct(folder, made);
      out.println("Done: " + made.size() + " made, " + failures + " failed. Summary: "
          + folder.resolve("summary.json"));
    }
    return failures == 0 ? 0 : 1;
  }

  private static String format(Progress progress) {
    return String.format(Locale.ROOT, "%3d%%  %-28s %s", progress.percent(),
        progress.stage().wireName(), progress.message());
  }

  private GeneratedProduct write(Path folder, ClouvelStore store, String base, Product product) {
    String file = "product-" + product.id() + ".png";
    StoredImage image = store.images().find(product.image().id())
        .orElseThrow(() -> new IllegalStateException("image " + product.image().id() + " is not in the store"));
    try {
      Files.write(folder.resolve(file), image.bytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return new GeneratedProduct(product.id(), product.subreddit(), product.postId(), product.postTitle(),
        product.idea().theme(), product.idea().imageTitle(), product.idea().imageDescription(), file,
        PublicLinks.resolve(base, product.image().url()), PublicLinks.resolve(base, product.links().productUrl()),
        PublicLinks.resolve(base, product.links().affiliateUrl()),
        product.imageQuality().name().toLowerCase(Locale.ROOT), product.imageModel());
  }

  private static void writeGeneratedProduct(Path folder, List<GeneratedProduct> made) {
    JsonAdapter<List<GeneratedProduct>> adapter = new Moshi.Builder().build()
        .<List<GeneratedProduct>>adapter(Types.newParameterizedType(List.class, GeneratedProduct.class))
        .indent("  ");
    try {
      Files.writeString(folder.resolve("summary.json"), adapter.toJson(made) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the summary", e);
    }
  }

  private static void createDirectories(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + folder, e);
    }
  }
}
