package org.workspaceportal.compute.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import java.util.function.Function;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.workspaceportal.compute.ComputeException;
import org.workspaceportal.compute.ContainerEngine;
import org.workspaceportal.compute.EngineEndpoint;
import org.workspaceportal.compute.EngineInfo;

/** The {@link ContainerEngine} port on docker-java with its Apache HttpClient 5 transport. */
@Component
@EnableConfigurationProperties(DockerProperties.class)
class DockerContainerEngine implements ContainerEngine {

  private final DockerClients clients;
  private final DockerProperties properties;

  DockerContainerEngine(DockerClients clients, DockerProperties properties) {
    this.clients = clients;
    this.properties = properties;
  }

  @Override
  public void validate(EngineEndpoint endpoint) {
    DockerClients.validate(endpoint);
  }

  @Override
  public EngineInfo describe(EngineEndpoint endpoint) {
    return call(
        endpoint,
        "answer",
        docker -> {
          docker.pingCmd().exec();
          Version version = docker.versionCmd().exec();
          requireApi(endpoint, version.getApiVersion());
          Info info = docker.infoCmd().exec();
          return new EngineInfo(
              info.getName(),
              version.getVersion(),
              version.getApiVersion(),
              info.getOperatingSystem(),
              info.getNCPU() == null ? 0 : info.getNCPU(),
              info.getMemTotal() == null ? 0 : info.getMemTotal());
        });
  }

  @Override
  public void forget(EngineEndpoint endpoint) {
    clients.forget(endpoint);
  }

  private void requireApi(EngineEndpoint endpoint, String apiVersion) {
    if (apiVersion == null || ApiVersions.compare(apiVersion, properties.minimumApiVersion()) < 0) {
      throw new ComputeException(
          "the engine at "
              + endpoint.uri()
              + " answered with API "
              + apiVersion
              + "; "
              + properties.minimumApiVersion()
              + " or later needed",
          false);
    }
  }

  private <T> T call(EngineEndpoint endpoint, String what, Function<DockerClient, T> call) {
    try {
      return call.apply(clients.clientFor(endpoint));
    } catch (RuntimeException e) {
      throw DockerErrors.translate(endpoint, what, e);
    }
  }
}
