package org.workspaceportal.compute.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.workspaceportal.compute.EngineEndpoint;
import org.workspaceportal.compute.InvalidEndpointException;

/**
 * One docker-java client per engine endpoint, made on first use and kept (each holds a small
 * connection pool), closed when the endpoint is forgotten or the portal stops.
 */
@Component
class DockerClients implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DockerClients.class);

  private final DockerProperties properties;
  private final Map<EngineEndpoint, DockerClient> clients = new ConcurrentHashMap<>();

  DockerClients(DockerProperties properties) {
    this.properties = properties;
  }

  DockerClient clientFor(EngineEndpoint endpoint) {
    return clients.computeIfAbsent(endpoint, this::create);
  }

  void forget(EngineEndpoint endpoint) {
    DockerClient client = clients.remove(endpoint);
    if (client != null) {
      close(endpoint, client);
    }
  }

  /** Checks the endpoint's form and TLS material without connecting. */
  static void validate(EngineEndpoint endpoint) {
    String scheme = endpoint.uri().getScheme();
    if ("unix".equals(scheme)) {
      if (endpoint.uri().getPath() == null || endpoint.uri().getPath().isBlank()) {
        throw new InvalidEndpointException(
            "endpoint", "A unix endpoint names its socket: unix:///var/run/docker.sock");
      }
      if (endpoint.usesTls()) {
        throw new InvalidEndpointException(
            "endpoint", "TLS is for tcp:// endpoints; a unix socket takes no certificates.");
      }
      return;
    }
    if (!"tcp".equals(scheme) || endpoint.uri().getHost() == null || endpoint.uri().getPort() < 1) {
      throw new InvalidEndpointException(
          "endpoint",
          "The endpoint must be unix:///path/to/docker.sock or tcp://host:port (e.g."
              + " tcp://10.0.0.7:2376).");
    }
    if (endpoint.usesTls()) {
      PemSslConfig.of(endpoint.tls());
    }
  }

  private DockerClient create(EngineEndpoint endpoint) {
    validate(endpoint);
    PemSslConfig tls = endpoint.usesTls() ? PemSslConfig.of(endpoint.tls()) : null;
    // TLS comes from our in-memory SSLConfig, never from DOCKER_CERT_PATH or the environment
    DefaultDockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(endpoint.uri().toString())
            .withDockerTlsVerify(false)
            .build();
    ApacheDockerHttpClient.Builder http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(tls)
            .maxConnections(properties.maxConnections())
            .connectionTimeout(properties.connectTimeout())
            .responseTimeout(properties.responseTimeout());
    return DockerClientImpl.getInstance(config, new UncompressedAnswers(http.build()));
  }

  @Override
  public void destroy() {
    clients.forEach(this::close);
    clients.clear();
  }

  private void close(EngineEndpoint endpoint, DockerClient client) {
    try {
      client.close();
    } catch (IOException | RuntimeException e) {
      log.debug("Closing the Docker client for {} failed: {}", endpoint, e.getMessage());
    }
  }
}
