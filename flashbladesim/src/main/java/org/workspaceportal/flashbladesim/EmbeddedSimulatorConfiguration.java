package org.workspaceportal.flashbladesim;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Exposes the embedded simulator as a bean, so integration tests can inspect it and make it
 * misbehave. An auto-configuration (listed in this jar's {@code META-INF/spring}), so that it comes
 * with the jar rather than with the host application's component scan.
 */
@AutoConfiguration
@ConditionalOnProperty(EmbeddedSimulatorEnvironmentPostProcessor.RUNNING)
class EmbeddedSimulatorConfiguration {

  // no destroy method: the simulator is shared by every context in the JVM and stops with the JVM
  @Bean(destroyMethod = "")
  FlashBladeSimulator flashBladeSimulator() {
    return EmbeddedSimulator.running()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    EmbeddedSimulatorEnvironmentPostProcessor.RUNNING
                        + " is set but no simulator runs in this JVM"));
  }
}
