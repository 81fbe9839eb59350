package ai.clouvel.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * The module boundaries of DESIGN §1, checked on the compiled main classes of every module: a
 * wrong import fails the build.
 */
@AnalyzeClasses(packages = "ai.clouvel",
    importOptions = {ImportOption.DoNotIncludeTests.class, ModuleBoundariesTest.MainClassesOnly.class})
class ModuleBoundariesTest {
  private static final String CORE = "ai.clouvel.core..";
  private static final String STORE = "ai.clouvel.store..";
  private static final String AGENTS = "ai.clouvel.agents..";
  private static final String STRIPE = "ai.clouvel.stripe..";
  private static final String SERVER = "ai.clouvel.server..";
  private static final String TEST_KIT = "ai.clouvel.test..";
  private static final String[] LIBRARIES = {CORE, STORE, AGENTS, STRIPE};

  @ArchTest
  static final ArchRule coreDependsOnTheJdkAndSlf4jOnly = classes().that().resideInAPackage(CORE)
      .should().onlyDependOnClassesThat().resideInAnyPackage(CORE, "java..", "javax.imageio..", "javax.crypto..", "org.slf4j..")
      .because("core holds the domain and the ports and imports no vendor SDK");

  @ArchTest
  static final ArchRule coreHasNoJdbcOrHttpClient = noClasses().that().resideInAPackage(CORE)
      .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "java.net.http..")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket");

  @ArchTest
  static final ArchRule storeDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(STORE)
      .should().dependOnClassesThat().resideInAnyPackage(AGENTS, STRIPE, SERVER);

  @ArchTest
  static final ArchRule agentsDependOnNoOtherAdapter = noClasses().that().resideInAPackage(AGENTS)
      .should().dependOnClassesThat().resideInAnyPackage(STORE, STRIPE, SERVER);

  @ArchTest
  static final ArchRule stripeDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(STRIPE)
      .should().dependOnClassesThat().resideInAnyPackage(STORE, AGENTS, SERVER);

  @ArchTest
  static final ArchRule theTestKitDependsOnlyOnCore = noClasses().that().resideInAPackage(TEST_KIT)
      .should().dependOnClassesThat().resideInAnyPackage(STORE, AGENTS, STRIPE, SERVER);

  @ArchTest
  static final ArchRule noLibraryDependsOnTheTestKit = noClasses().that()
      .resideInAnyPackage(CORE, STORE, AGENTS, STRIPE, SERVER)
      .should().dependOnClassesThat().resideInAPackage(TEST_KIT);

  @ArchTest
  static final ArchRule nothingDependsOnTheServer = noClasses().that().resideInAnyPackage(LIBRARIES)
      .should().dependOnClassesThat().resideInAPackage(SERVER);

  @ArchTest
  static final ArchRule corePackagesHaveNoCycles = SlicesRuleDefinition.slices()
      .matching("ai.clouvel.core.(*)..")
      .should().beFreeOfCycles()
      .because("each core package is one concept that can be understood, and replaced, from the bottom up");

  @ArchTest
  static final ArchRule libraryPackagesHaveNoCycles = SlicesRuleDefinition.slices()
      .matching("ai.clouvel.(*)..")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule portPackagesHoldNoStoreAdapter = noClasses()
      .that().resideInAnyPackage("ai.clouvel.core.content..", "ai.clouvel.core.idea..", "ai.clouvel.core.image..",
          "ai.clouvel.core.product..", "ai.clouvel.core.payment..", "ai.clouvel.core.event..",
          "ai.clouvel.core.usage..", "ai.clouvel.core.donation..", "ai.clouvel.core.task..")
      .should().dependOnClassesThat().resideInAnyPackage("ai.clouvel.core.store..", "ai.clouvel.core.offline..",
          "ai.clouvel.core.commission..", "ai.clouvel.core.pipeline..")
      .because("a port package holds the port and its values; adapters and engines depend on it, not the reverse");

  @ArchTest
  static final ArchRule coreInternalsStayInCore = internalsOf(CORE, "ai.clouvel.core..internal..");

  @ArchTest
  static final ArchRule storeInternalsStayInTheStore = internalsOf(STORE, "ai.clouvel.store.internal..");

  @ArchTest
  static final ArchRule agentInternalsStayInTheAgents = internalsOf(AGENTS, "ai.clouvel.agents..internal..");

  @ArchTest
  static final ArchRule stripeInternalsStayInStripe = internalsOf(STRIPE, "ai.clouvel.stripe.internal..");

  /** Leaves out the test jars of other modules, which the classpath of this module holds. */
  static final class MainClassesOnly implements ImportOption {
    @Override
    public boolean includes(com.tngtech.archunit.core.importer.Location location) {
      return !location.contains("-tests.jar") && !location.contains("/test-classes/");
    }
  }

  private static ArchRule internalsOf(String module, String internalPackage) {
    return noClasses().that().resideOutsideOfPackage(module)
        .should().dependOnClassesThat().resideInAPackage(internalPackage)
        .allowEmptyShould(true)
        .because("internal packages are implementation details of their module");
  }

  @ArchTest
  static final ArchRule librariesLogThroughSlf4jNotStandardStreams = noClasses()
      .that().resideInAnyPackage(LIBRARIES)
      .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

  @ArchTest
  static final ArchRule librariesKeepNoStaticState = fields()
      .that().areStatic().and().areDeclaredInClassesThat().resideInAnyPackage(LIBRARIES)
      .should().beFinal()
      .because("no static state, no singletons, no process-wide mode flags");

  @ArchTest
  static final ArchRule noJavaUtilLogging = noClasses().that().resideInAnyPackage(LIBRARIES)
      .should(GeneralCodingRules.USE_JAVA_UTIL_LOGGING);
}
