package org.workspaceportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries declared in each {@code package-info.java} hold, and the module
 * documentation is written.
 */
class ModularityTests {

  private static final ApplicationModules MODULES = ApplicationModules.of(PortalApplication.class);

  @Test
  void moduleBoundariesAreRespected() {
    MODULES.verify();
  }

  /** Every module, whatever its name: a new package under the base package is held to it too. */
  @Test
  void everyModuleSaysWhatItIsAndWhichModulesItMayUse() {
    assertThat(MODULES.stream()).hasSizeGreaterThanOrEqualTo(9);
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
