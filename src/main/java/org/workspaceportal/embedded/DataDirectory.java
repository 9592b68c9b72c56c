package org.workspaceportal.embedded;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Where the portal keeps its own state (embedded PostgreSQL, the simulator, the generated secret
 * key), resolved once: {@code portal.data-dir}, else {@code PORTAL_DATA_DIR}, else {@code
 * .portal-data}, made absolute against the working directory at start-up. Everything else reads
 * {@code portal.data-dir} and finds this one answer.
 */
final class DataDirectory implements EnvironmentPostProcessor, Ordered {

  static final String PROPERTY = "portal.data-dir";
  static final String SOURCE = "portalDataDirectory";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    env.getPropertySources().remove(SOURCE);
    env.getPropertySources()
        .addFirst(new MapPropertySource(SOURCE, Map.of(PROPERTY, resolve(env).toString())));
  }

  static Path resolve(ConfigurableEnvironment env) {
    String dir = env.getProperty(PROPERTY, env.getProperty("PORTAL_DATA_DIR", ".portal-data"));
    return Path.of(dir).toAbsolutePath().normalize();
  }

  /** Right after the configuration files are read, before anything that uses the directory. */
  @Override
  public int getOrder() {
    return ConfigDataEnvironmentPostProcessor.ORDER + 1;
  }
}
