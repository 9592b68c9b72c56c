package org.workspaceportal.flashbladesim;

import java.nio.file.Path;
import org.springframework.core.env.Environment;

/** Reads the embedded simulator's settings from the portal's configuration. */
final class EmbeddedSimulatorSettings {

  static final String ENABLED = "portal.flashbladesim.enabled";
  static final String PERSISTENT = "portal.flashbladesim.persistent";
  static final String MANAGEMENT_PORT = "portal.flashbladesim.management-port";
  static final String S3_PORT = "portal.flashbladesim.s3-port";
  static final String S3_BIND_ADDRESS = "portal.flashbladesim.s3-bind-address";
  static final String DATA_DIR = "portal.data-dir";
  static final String DEFAULT_DATA_DIR = ".portal-data";

  private EmbeddedSimulatorSettings() {}

  /**
   * Same rule as the embedded PostgreSQL: {@code portal.data-dir}, else {@code PORTAL_DATA_DIR}.
   */
  static Path dataDir(Environment environment) {
    return Path.of(
        environment.getProperty(
            DATA_DIR, environment.getProperty("PORTAL_DATA_DIR", DEFAULT_DATA_DIR)));
  }

  static SimulatorSettings from(Environment environment) {
    boolean persistent = environment.getProperty(PERSISTENT, Boolean.class, true);
    Path dataDir = persistent ? dataDir(environment).resolve("flashbladesim") : null;
    return SimulatorSettings.inMemory()
        .withPorts(
            environment.getProperty(MANAGEMENT_PORT, Integer.class, 0),
            environment.getProperty(S3_PORT, Integer.class, 0))
        .withDataDir(dataDir)
        // workspace containers reach it through their network's gateway (this machine's own
        // address there); its management API stays on loopback, for the portal only
        .withS3BindAddress(environment.getProperty(S3_BIND_ADDRESS, "0.0.0.0"));
  }
}
