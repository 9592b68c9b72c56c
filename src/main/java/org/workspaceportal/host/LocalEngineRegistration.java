package org.workspaceportal.host;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.workspaceportal.compute.ComputeException;
import org.workspaceportal.compute.ContainerEngine;
import org.workspaceportal.compute.EngineEndpoint;

/**
 * The embedded default's first host: at start-up, when no host is registered and the local engine
 * ({@code DOCKER_HOST} if it is a unix socket or loopback TCP, else /var/run/docker.sock) answers,
 * it is registered as "local", so that {@code ./mvnw spring-boot:run} alone gives workspaces
 * somewhere to run. Without an engine the portal starts anyway and the hosts page says so.
 */
@Component
class LocalEngineRegistration {

  static final String NAME = "local";
  private static final Logger log = LoggerFactory.getLogger(LocalEngineRegistration.class);

  private final HostService hosts;
  private final DockerHostRepository repository;
  private final ContainerEngine engines;
  private final HostProperties properties;
  private final Environment environment;

  LocalEngineRegistration(
      HostService hosts,
      DockerHostRepository repository,
      ContainerEngine engines,
      HostProperties properties,
      Environment environment) {
    this.hosts = hosts;
    this.repository = repository;
    this.engines = engines;
    this.properties = properties;
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  void registerLocalEngine() {
    boolean embeddedDefault =
        environment.getProperty("portal.embedded-postgres.running", Boolean.class, false);
    if (!embeddedDefault || !properties.registerLocalEngine() || repository.count() > 0) {
      return;
    }
    String endpoint = localEndpoint();
    if (endpoint == null) {
      log.info("No local Docker engine found; register a host on the Hosts page to run workspaces");
      return;
    }
    try {
      engines.describe(EngineEndpoint.of(endpoint));
    } catch (ComputeException e) {
      log.info("The local Docker engine does not answer ({}); no host registered", e.getMessage());
      return;
    }
    try {
      HostView local =
          hosts.register(
              new HostRegistration(
                  NAME, endpoint, "127.0.0.1", null, null, null, null, null, null, null, null),
              "portal");
      log.info(
          "Registered the local Docker engine {} as host '{}' ({} CPUs, {} MB)",
          endpoint,
          NAME,
          local.offeredCpus(),
          local.offeredMemoryMb());
    } catch (RuntimeException e) {
      // another instance registered it first, or a host named "local" exists: nothing to do
      log.debug("Local engine not registered: {}", e.getMessage());
    }
  }

  private String localEndpoint() {
    String dockerHost = environment.getProperty("DOCKER_HOST");
    if (dockerHost != null && !dockerHost.isBlank()) {
      URI uri = URI.create(dockerHost.strip());
      boolean usable =
          "unix".equals(uri.getScheme())
              || ("tcp".equals(uri.getScheme())
                  && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost())));
      return usable ? uri.toString() : null;
    }
    return Files.exists(Path.of("/var/run/docker.sock")) ? "unix:///var/run/docker.sock" : null;
  }
}
