package org.workspaceportal.flashbladesim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The embedded default: when no FlashBlade is configured ({@code portal.storage.flashblade.url}
 * unset) and the portal runs on the embedded PostgreSQL (or {@code portal.flashbladesim.enabled} is
 * {@code true}), starts the simulator (once per JVM) and points the portal's storage settings at
 * it; {@code portal.flashbladesim.enabled=false} keeps it off. Runs after the configuration files
 * are read, so a URL set in any of them wins.
 */
public final class EmbeddedSimulatorEnvironmentPostProcessor
    implements EnvironmentPostProcessor, Ordered {

  static final String PROPERTY_SOURCE_NAME = "flashbladesim";
  static final String URL = "portal.storage.flashblade.url";
  static final String API_TOKEN = "portal.storage.flashblade.api-token";
  static final String CA_CERTIFICATE = "portal.storage.flashblade.ca-certificate";
  static final String DATA_ENDPOINT = "portal.storage.flashblade.data-endpoint";
  static final String RUNNING = "portal.flashbladesim.running";
  static final String BIND_MOUNT_ROOT = "portal.storage.flashblade.file-system-bind-root";

  private final Log log;

  public EmbeddedSimulatorEnvironmentPostProcessor(DeferredLogFactory logFactory) {
    this.log = logFactory.getLog(EmbeddedSimulatorEnvironmentPostProcessor.class);
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (StringUtils.hasText(environment.getProperty(URL)) || !wanted(environment)) {
      return;
    }
    FlashBladeSimulator simulator =
        EmbeddedSimulator.startOnce(EmbeddedSimulatorSettings.from(environment));
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(URL, simulator.managementUri().toString());
    properties.put(API_TOKEN, simulator.apiToken());
    properties.put(CA_CERTIFICATE, simulator.caCertificate().toAbsolutePath().toString());
    properties.put(DATA_ENDPOINT, simulator.s3Endpoint().toString());
    properties.put(BIND_MOUNT_ROOT, simulator.fileSystemRoot().toAbsolutePath().toString());
    properties.put(RUNNING, "true");
    // first: the simulator's settings belong together, a stray api-token elsewhere must not mix in
    environment.getPropertySources().remove(PROPERTY_SOURCE_NAME);
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
    log.info(
        "FlashBlade simulator running for the embedded default: management API "
            + simulator.managementUri()
            + ", S3 "
            + simulator.s3Endpoint()
            + ", CA "
            + simulator.caCertificate()
            + ", state "
            + describe(simulator));
  }

  /**
   * Only where nothing real is meant to be used: on the embedded default (embedded PostgreSQL), or
   * when asked for with {@code portal.flashbladesim.enabled=true}. A portal on an external database
   * with no FlashBlade configured gets no simulator, and the storage module refuses to start it:
   * one forgotten variable must not make production "provision" into a local folder.
   */
  static boolean wanted(ConfigurableEnvironment environment) {
    Boolean explicit = environment.getProperty(EmbeddedSimulatorSettings.ENABLED, Boolean.class);
    if (explicit != null) {
      return explicit;
    }
    boolean embeddedPostgres =
        environment.getProperty("portal.embedded-postgres.running", Boolean.class, false)
            || (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                && environment.getProperty(
                    "portal.embedded-postgres.enabled", Boolean.class, true));
    return embeddedPostgres;
  }

  private static String describe(FlashBladeSimulator simulator) {
    return simulator.settings().dataDir() == null
        ? "in memory"
        : simulator.settings().dataDir().toString();
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
