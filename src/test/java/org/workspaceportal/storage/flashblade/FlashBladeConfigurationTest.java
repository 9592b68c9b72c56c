package org.workspaceportal.storage.flashblade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.workspaceportal.storage.ObjectStorage;

/** The adapter exists only when a FlashBlade is configured, and only with valid settings. */
class FlashBladeConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(BindProperties.class, FlashBladeConfiguration.class);

  @Test
  void noUrlMeansNoAdapter() {
    context.run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(ObjectStorage.class));
  }

  @Test
  void aUrlAndTokenGiveTheAdapterWithoutContactingTheArrayAtStart() {
    context
        .withPropertyValues(
            "portal.storage.flashblade.url=https://127.0.0.1:9",
            "portal.storage.flashblade.api-token=T-1")
        .run(started -> assertThat(started).hasSingleBean(ObjectStorage.class));
  }

  @Test
  void aUrlWithoutTokenStopsTheStartWithAClearMessage() {
    context
        .withPropertyValues("portal.storage.flashblade.url=https://127.0.0.1:9")
        .run(
            started ->
                assertThat(started)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("api-token must be set"));
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(FlashBladeProperties.class)
  static class BindProperties {}
}
