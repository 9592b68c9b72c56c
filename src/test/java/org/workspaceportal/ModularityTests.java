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

  @Test
  void theModulesAreTheDocumentedOnes() {
    assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
        .contains("audit", "common", "embedded", "identity", "storage", "web", "workspace");
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
