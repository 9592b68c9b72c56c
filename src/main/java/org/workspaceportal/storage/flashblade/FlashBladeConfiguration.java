package org.workspaceportal.storage.flashblade;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Creates the FlashBlade adapter when {@code portal.storage.flashblade.url} is set; without it the
 * portal has no {@link org.workspaceportal.storage.ObjectStorage} from this package.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "portal.storage.flashblade", name = "url")
class FlashBladeConfiguration {

  @Bean(destroyMethod = "close")
  FlashBladeObjectStorage flashBladeObjectStorage(
      FlashBladeProperties properties, ObjectProvider<MeterRegistry> meters) {
    return new FlashBladeObjectStorage(properties, meters.getIfAvailable(SimpleMeterRegistry::new));
  }
}
