package ai.clouvel.server.cli;

import io.javalin.Javalin;

/**
 * Loads the web stack's classes (Javalin, Jetty, Kotlin's runtime) and Java2D on a second thread
 * while the main thread opens and migrates the database, so that a first start uses both cores.
 * Creates nothing that lasts: the Javalin instance it builds is never started.
 */
final class Warmup {
  private Warmup() {
  }

  /** Starts warming up; the thread ends by itself. */
  static void start() {
    Thread thread = new Thread(() -> {
      try {
        Javalin.create(config -> {
          config.startup.showJavalinBanner = false;
          config.startup.startupWatcherEnabled = false;
          config.startup.showOldJavalinVersionWarning = false;
        });
        Class.forName("org.eclipse.jetty.server.Server");
        Class.forName("org.eclipse.jetty.ee10.servlet.ServletContextHandler");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.createGraphics().dispose();
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        // Warming up is an optimisation only; the server loads whatever it needs anyway.
      }
    }, "clouvel-warmup");
    thread.setDaemon(true);
    thread.start();
  }
}
