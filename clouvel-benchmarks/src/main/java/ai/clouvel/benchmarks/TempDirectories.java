package ai.clouvel.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The benchmarks' temporary directories (databases, scripts), removed when a run is done. */
public final class TempDirectories {
  private TempDirectories() {
  }

  /**
   * Deletes a directory and everything under it, deepest entries first. An entry that cannot be
   * deleted is left (a benchmark's leftovers are not worth failing its run for).
   *
   * @param dir the directory
   * @throws IOException if the directory cannot be walked
   */
  public static void delete(Path dir) throws IOException {
    try (Stream<Path> entries = Files.walk(dir)) {
      entries.sorted(Comparator.reverseOrder()).forEach(entry -> entry.toFile().delete());
    }
  }
}
