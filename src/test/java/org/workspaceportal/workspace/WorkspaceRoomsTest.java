package org.workspaceportal.workspace;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The workspace module's rooms: one public face at its root, the rest in sub-packages named for
 * what they hold, with no cycle between them; and clusters reached only through the runtime port.
 */
class WorkspaceRoomsTest {

  private static final String MODULE = "org.workspaceportal.workspace";

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(MODULE);

  @Test
  void theRoomsDependOnEachOtherWithoutCycles() {
    slices().matching(MODULE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void atMostTwentyFiveFilesStayAtTheRoot() {
    long atRoot =
        CLASSES.stream()
            .filter(c -> c.getPackageName().equals(MODULE))
            .filter(JavaClass::isTopLevelClass)
            .count();
    assertThat(atRoot).isBetween(1L, 25L);
  }

  @Test
  void noClassOfTheModuleTouchesDockerHostsOrContainersButThroughTheRuntimePort() {
    noClasses()
        .that()
        .resideInAPackage(MODULE + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.workspaceportal.host..", "org.workspaceportal.compute..")
        .check(CLASSES);
  }
}
