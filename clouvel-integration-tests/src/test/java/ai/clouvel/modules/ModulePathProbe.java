package ai.clouvel.modules;

import ai.clouvel.core.Clouvel;
import ai.clouvel.core.DurableClouvel;
import ai.clouvel.core.pipeline.PipelineRequest;
import ai.clouvel.core.pipeline.PostSelection;
import ai.clouvel.store.DatabaseUrl;
import ai.clouvel.store.SqlStore;
import java.nio.file.Path;

/**
 * Run by {@link ModulePathTest} in its own JVM with Clouvel's modules on the module path: makes a
 * product on a SQLite store and then reaches for the engine that the module does not export.
 */
public final class ModulePathProbe {
  private ModulePathProbe() {
  }

  /**
   * Prints one line per finding.
   *
   * @param args the SQLite file to use
   * @throws Exception if anything but the expected refusal fails
   */
  public static void main(String[] args) throws Exception {
    System.out.println("core module: " + Clouvel.class.getModule().getName());
    try (SqlStore store = SqlStore.builder().databaseUrl(DatabaseUrl.parse("sqlite:" + Path.of(args[0]))).build();
         DurableClouvel clouvel = Clouvel.builder().build(store)) {
      long productId = clouvel.pipeline().run(PipelineRequest.of(PostSelection.fromSubreddit("hiking")), p -> { })
          .product().id();
      System.out.println("product saved: " + store.products().find(productId).isPresent());
    }
    Class<?> engine = Class.forName("ai.clouvel.core.commission.internal.CommissionEngine");
    try {
      engine.getConstructors()[0].setAccessible(true);
      System.out.println("engine reachable");
    } catch (RuntimeException e) {
      System.out.println("engine refused: " + e.getClass().getSimpleName());
    }
  }
}
