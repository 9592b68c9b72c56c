package org.workspaceportal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries declared in each {@code package-info.java} hold, and the module
 * documentation is written.
 */
class ModularityTests {

  /**
   * The FlashBlade simulator (a Maven module of its own, flashbladesim/) shares the base package,
   * and the tests have it on their class path; it is no module of the portal's.
   */
  private static final String SIMULATOR = "org.workspaceportal.flashbladesim..";

  private static final ApplicationModules MODULES =
      ApplicationModules.of(
          PortalApplication.class, JavaClass.Predicates.resideInAPackage(SIMULATOR));

  @Test
  void moduleBoundariesAreRespected() {
    MODULES.verify();
  }

  /** Every module, whatever its name: a new package under the base package is held to it too. */
  @Test
  void everyModuleSaysWhatItIsAndWhichModulesItMayUse() {
    // audit, common, compute, embedded, host, identity, secrets, storage, web, workspace
    assertThat(MODULES.stream()).hasSizeGreaterThanOrEqualTo(10);
    assertThat(MODULES.stream())
        .allSatisfy(
            module -> {
              org.springframework.modulith.ApplicationModule declared = declaration(module);
              assertThat(declared)
                  .as("%s has a package-info.java with @ApplicationModule", module.getName())
                  .isNotNull();
              assertThat(declared.displayName()).as(module.getName()).isNotBlank();
              if (declared.type() != org.springframework.modulith.ApplicationModule.Type.OPEN) {
                assertThat(declared.allowedDependencies())
                    .as("%s declares allowedDependencies", module.getName())
                    .doesNotContain(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
              }
            });
  }

  @Test
  void everyModuleIsNamedInTheReadme() throws Exception {
    String readme = Files.readString(Path.of("README.md"));

    assertThat(MODULES.stream())
        .allSatisfy(
            module ->
                assertThat(readme)
                    .as("README names the module")
                    .contains("`" + module.getName() + "`"));
  }

  private static org.springframework.modulith.ApplicationModule declaration(
      ApplicationModule module) {
    try {
      return Class.forName(module.getBasePackage().getName() + ".package-info")
          .getAnnotation(org.springframework.modulith.ApplicationModule.class);
    } catch (ClassNotFoundException none) {
      return null;
    }
  }

  @Test
  void identityDependsOnNoOtherApplicationModuleThanCommon() {
    ApplicationModule identity = MODULES.getModuleByName("identity").orElseThrow();
    assertThat(
            identity.getDirectDependencies(MODULES).uniqueModules().map(ApplicationModule::getName))
        .containsOnly("common");
  }

  @Test
  void noModuleDependsOnTheEmbeddedDefault() {
    ApplicationModule embedded = MODULES.getModuleByName("embedded").orElseThrow();
    assertThat(
            MODULES.stream()
                .filter(m -> m.getDirectDependencies(MODULES).contains(embedded))
                .map(ApplicationModule::getName))
        .isEmpty();
  }

  /**
   * Test scope already keeps the simulator off the production classes' compile path; this says so
   * where the module rules are, and would catch it coming back as a compile dependency.
   */
  @Test
  void noProductionClassUsesTheFlashBladeSimulator() throws Exception {
    var productionClasses =
        new ClassFileImporter()
            .importLocations(
                List.of(
                    Location.of(
                        PortalApplication.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())));

    assertThat(productionClasses).isNotEmpty();
    noClasses().should().dependOnClassesThat().resideInAPackage(SIMULATOR).check(productionClasses);
  }

  @Test
  void writesTheModuleDocumentation() throws Exception {
    Path dir = Path.of("target", "spring-modulith-docs");

    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(dir.toString()))
        .writeDocumentation();

    assertThat(dir.resolve("components.puml")).exists();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("module-workspace"));
    }
  }
}
