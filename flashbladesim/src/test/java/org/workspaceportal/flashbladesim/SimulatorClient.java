package org.workspaceportal.flashbladesim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain JDK HTTP client for the simulator's management API that trusts only the simulator's CA
 * file, the way the portal's FlashBlade adapter is meant to.
 */
final class SimulatorClient {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http;
  private final URI base;
  private final String version;
  private String session;

  SimulatorClient(FlashBladeSimulator simulator) {
    this(simulator.managementUri(), trusting(simulator.caCertificate()), "2.17");
  }

  SimulatorClient(URI base, SSLContext tls, String version) {
    this.http =
        HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    this.base = base;
    this.version = version;
  }

  /** The answer to one call: status, headers and the parsed JSON body (a missing node if none). */
  record Reply(int status, HttpResponse<String> raw, JsonNode json) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    JsonNode items() {
      return json.path("items");
    }

    String firstError() {
      return json.path("errors").path(0).path("message").asString();
    }
  }

  static SSLContext trusting(Path caPem) {
    try (InputStream in = Files.newInputStream(caPem)) {
      var ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry("flashbladesim-ca", ca);
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  SimulatorClient login(String apiToken) {
    Reply reply =
        send(
            HttpRequest.newBuilder(base.resolve("/api/login"))
                .header("api-token", apiToken)
                .POST(HttpRequest.BodyPublishers.noBody()));
    if (reply.status() != 200) {
      throw new IllegalStateException("login failed: " + reply.raw().body());
    }
    session = reply.header("x-auth-token");
    return this;
  }

  String session() {
    return session;
  }

  void useSession(String newSession) {
    session = newSession;
  }

  Reply get(String pathAndQuery) {
    return call("GET", pathAndQuery, null);
  }

  Reply post(String pathAndQuery, String body) {
    return call("POST", pathAndQuery, body);
  }

  Reply patch(String pathAndQuery, String body) {
    return call("PATCH", pathAndQuery, body);
  }

  Reply delete(String pathAndQuery) {
    return call("DELETE", pathAndQuery, null);
  }

  /** A call to {@code /api/<version><pathAndQuery>} with the current session. */
  Reply call(String method, String pathAndQuery, String body) {
    return raw(method, "/api/" + version + pathAndQuery, body);
  }

  Reply raw(String method, String path, String body) {
    var builder =
        HttpRequest.newBuilder(base.resolve(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    if (session != null) {
      builder.header("x-auth-token", session);
    }
    return send(builder);
  }

  Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      JsonNode json = body == null || body.isEmpty() ? JSON.missingNode() : JSON.readTree(body);
      return new Reply(response.statusCode(), response, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
