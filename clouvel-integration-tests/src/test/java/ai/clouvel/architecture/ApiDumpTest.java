package ai.clouvel.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public API of every library module, as the build sees it, against the dump checked in under
 * {@code api/}: every public and protected type and member of every package that the module's
 * {@code module-info.java} exports. An API change fails here until the dump is updated with
 * {@code mvn -B -ntp verify -pl clouvel-integration-tests -am -Dtest=ApiDumpTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dclouvel.api.update=true}, so it is always deliberate
 * and shows in review as a diff of {@code api/*.api}.
 */
class ApiDumpTest {
  private static final Path DUMPS = Path.of("..", "api");

  @ParameterizedTest
  @ValueSource(strings = {"clouvel-core", "clouvel-store", "clouvel-agents", "clouvel-stripe", "clouvel-test"})
  void thePublicApiIsTheCheckedInOne(String artifact) throws IOException {
    String dump = dump(moduleOf(artifact));
    Path file = DUMPS.resolve(artifact + ".api");
    if (Boolean.getBoolean("clouvel.api.update")) {
      Files.createDirectories(DUMPS);
      Files.writeString(file, dump, StandardCharsets.UTF_8);
    }
    assertThat(file).as("the API dump of " + artifact).exists();
    assertThat(dump).as("the public API of %s differs from %s; if the change is deliberate, update the dump "
        + "with -Dclouvel.api.update=true (see ApiDumpTest)", artifact, file)
        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  private static ModuleReference moduleOf(String artifact) {
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      boolean classes = path.endsWith(Path.of(artifact, "target", "classes"));
      boolean jar = path.getFileName().toString().startsWith(artifact + "-")
          && path.getFileName().toString().endsWith(".jar") && !entry.endsWith("-tests.jar");
      if (classes || jar) {
        return ModuleFinder.of(path).findAll().stream().findFirst()
            .orElseThrow(() -> new AssertionError(artifact + " has no module-info.class at " + path));
      }
    }
    throw new AssertionError(artifact + " is not on the test class path");
  }

  static String dump(ModuleReference module) throws IOException {
    ModuleDescriptor descriptor = module.descriptor();
    Set<String> exported = descriptor.exports().stream().filter(e -> !e.isQualified())
        .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    List<String> classNames;
    try (var reader = module.open(); Stream<String> resources = reader.list()) {
      classNames = resources.filter(r -> r.endsWith(".class") && !r.endsWith("module-info.class")
              && !r.endsWith("package-info.class"))
          .map(r -> r.substring(0, r.length() - ".class".length()).replace('/', '.'))
          .filter(name -> exported.contains(name.substring(0, name.lastIndexOf('.'))))
          .sorted().toList();
    }
    StringBuilder out = new StringBuilder("module " + descriptor.name() + "\n");
    descriptor.exports().stream().map(e -> "  exports " + e + "\n").sorted().forEach(out::append);
    for (String name : classNames) {
      Class<?> type = load(name);
      if (isApi(type)) {
        out.append('\n').append(typeLine(type)).append('\n');
        members(type).forEach(line -> out.append("  ").append(line).append('\n'));
      }
    }
    return out.toString();
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ApiDumpTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** A type is API when it and every type around it are public or protected. */
  private static boolean isApi(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic() || !visible(t.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static String typeLine(Class<?> type) {
    StringBuilder line = new StringBuilder(type.toGenericString());
    if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum()
        && !type.isRecord()) {
      line.append(" extends ").append(type.getGenericSuperclass().getTypeName());
    }
    if (type.getGenericInterfaces().length > 0) {
      line.append(type.isInterface() ? " extends " : " implements ").append(Arrays.stream(type.getGenericInterfaces())
          .map(java.lang.reflect.Type::getTypeName).collect(Collectors.joining(", ")));
    }
    if (type.isSealed()) {
      line.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses()).map(Class::getName)
          .sorted().collect(Collectors.joining(", ")));
    }
    return line.toString();
  }

  private static Set<String> members(Class<?> type) {
    Set<String> lines = new TreeSet<>();
    List<Member> members = new ArrayList<>();
    members.addAll(Arrays.asList(type.getDeclaredConstructors()));
    members.addAll(Arrays.asList(type.getDeclaredMethods()));
    members.addAll(Arrays.asList(type.getDeclaredFields()));
    for (Member member : members) {
      if (member.isSynthetic() || !visible(member.getModifiers())
          || member instanceof Method method && method.isBridge()) {
        continue;
      }
      String text = member instanceof Method method ? method.toGenericString()
          : member instanceof Constructor<?> constructor ? constructor.toGenericString()
          : ((Field) member).toGenericString();
      lines.add(text);
    }
    return lines;
  }
}
