package org.workspaceportal.flashbladesim;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exposes the embedded simulator as a bean, so integration tests can inspect it and inject faults.
 */
@Configuration(proxyBeanMethods = false)
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
