package org.workspaceportal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A portal without a storage system refuses to start, saying which variables to set. */
class StorageConfiguredTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(StorageConfigured.class);

  @Test
  void noFlashBladeStopsTheStartNamingTheVariablesToSet() {
    context.run(
        started ->
            assertThat(started)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("No FlashBlade is configured")
                .hasMessageContaining("PORTAL_STORAGE_FLASHBLADE_URL")
                .hasMessageContaining("PORTAL_STORAGE_FLASHBLADE_API_TOKEN"));
  }

  /**
   * With the simulator on the class path its switch sets the URL before this check; reaching the
   * check with the switch on means the build has no simulator (the production jar).
   */
  @Test
  void askingForTheSimulatorWhereThereIsNoneSaysSo() {
    context
        .withPropertyValues("portal.flashbladesim.enabled=true")
        .run(
            started ->
                assertThat(started)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("No FlashBlade is configured")
                    .hasMessageContaining("does not carry the simulator"));
  }

  @Test
  void aConfiguredFlashBladeLetsItStart() {
    context
        .withPropertyValues("portal.storage.flashblade.url=https://array.example")
        .run(started -> assertThat(started).hasNotFailed());
  }
}
