package org.workspaceportal.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL when {@code spring.datasource.url} is not configured, and points
 * the data source at it. Runs before the context exists so that Flyway, JPA and the job scheduler
 * see an ordinary JDBC URL. One server per JVM: test contexts share it.
 */
class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor {

  private static EmbeddedPostgresServer server;

  // Logging is not set up yet when this runs: a deferred log replays once it is.
  private final Log log;

  EmbeddedPostgresEnvironment(DeferredLogFactory logFactory) {
    this.log = logFactory.getLog(EmbeddedPostgresEnvironment.class);
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    if (StringUtils.hasText(env.getProperty("spring.datasource.url"))
        || !env.getProperty("portal.embedded-postgres.enabled", Boolean.class, true)) {
      return;
    }
    EmbeddedPostgresServer pg = start(env);
    env.getPropertySources()
        .addLast(
            new MapPropertySource(
                "embeddedPostgres",
                Map.of(
                    "spring.datasource.url", pg.jdbcUrl(),
                    "spring.datasource.username", pg.username(),
                    "spring.datasource.password", pg.password(),
                    "portal.embedded-postgres.running", "true")));
  }

  private synchronized EmbeddedPostgresServer start(ConfigurableEnvironment env) {
    if (server != null) {
      return server;
    }
    Path dataDir = Path.of(env.getRequiredProperty(DataDirectory.PROPERTY));
    server =
        EmbeddedPostgresServer.start(
            dataDir,
            env.getProperty("portal.embedded-postgres.clean", Boolean.class, false),
            env.getProperty("portal.embedded-postgres.port", Integer.class, 0));
    Runtime.getRuntime()
        .addShutdownHook(new Thread(EmbeddedPostgresEnvironment::stop, "embedded-pg-stop"));
    log.info(
        "Embedded PostgreSQL running on port "
            + server.port()
            + " with data in "
            + dataDir.resolve("postgres")
            + " (every connection needs a password; the portal connects as '"
            + server.username()
            + "', which is not a superuser)");
    return server;
  }

  private static synchronized void stop() {
    try {
      if (server != null) {
        server.stop();
      }
    } catch (IOException e) {
      System.err.println("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
    }
  }
}
