package org.workspaceportal.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** The data directory is resolved once, to an absolute path everything else reads. */
class DataDirectoryTest {

  private static String resolved(MockEnvironment env) {
    new DataDirectory().postProcessEnvironment(env, new SpringApplication());
    return env.getProperty("portal.data-dir");
  }

  @Test
  void theConfiguredDirectoryWinsAndIsMadeAbsolute() {
    var env =
        new MockEnvironment()
            .withProperty("portal.data-dir", "state/../portal")
            .withProperty("PORTAL_DATA_DIR", "/elsewhere");

    assertThat(resolved(env)).isEqualTo(Path.of("portal").toAbsolutePath().toString());
  }

  @Test
  void theEnvironmentVariableIsUsedWhenNothingIsConfigured() {
    assertThat(resolved(new MockEnvironment().withProperty("PORTAL_DATA_DIR", "/srv/portal")))
        .isEqualTo("/srv/portal");
  }

  @Test
  void theDefaultIsDotPortalDataInTheWorkingDirectory() {
    assertThat(resolved(new MockEnvironment()))
        .isEqualTo(Path.of(".portal-data").toAbsolutePath().normalize().toString());
  }
}
