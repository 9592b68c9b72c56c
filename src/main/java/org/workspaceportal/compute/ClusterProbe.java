package org.workspaceportal.compute;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a running cluster whether it is ready, over HTTP: the Spark master's JSON status (workers
 * ALIVE), signed with the cluster's Spark secret, and the Jupyter server's status, signed with its
 * Jupyter token ({@link GatewaySignature}: the image's Jupyter and master UI answer nothing else).
 * Short timeouts: a probe that does not answer is simply not ready yet.
 */
@Component
public class ClusterProbe {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final JsonMapper json = JsonMapper.builder().build();

  /** Who the portal's own requests to Jupyter are signed as. */
  static final String PORTAL_USER = "workspace-portal";

  /** Whether the notebook server answers its status to a request signed with this key (200). */
  public boolean notebookAnswers(String baseUrl, String key) {
    try {
      return http.send(signed(baseUrl + "api/status", key), HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The notebook server's activity, or empty when it does not answer (or not as Jupyter does). */
  public Optional<NotebookActivity> notebookActivity(String baseUrl, String token) {
    JsonNode status = json(signed(baseUrl + "api/status", token));
    if (status == null || !status.path("last_activity").isString()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new NotebookActivity(
              Instant.parse(status.path("last_activity").asString()),
              status.path("kernels").asInt(0),
              status.path("connections").asInt(0)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** How many applications the master runs now, or -1 when the master does not answer. */
  public int activeApplications(String masterUi, String sparkSecret) {
    JsonNode status = masterStatus(masterUi, sparkSecret);
    return status == null ? -1 : status.path("activeapps").size();
  }

  /**
   * The master's JSON status ({@code GET json/}, signed with the cluster's Spark secret), or null
   * when the master does not answer it.
   */
  public JsonNode masterStatus(String masterUi, String sparkSecret) {
    return json(signed(masterUi + "json/", sparkSecret));
  }

  private JsonNode json(HttpRequest request) {
    try {
      HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
      return reply.statusCode() == 200 ? json.readTree(reply.body()) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The HTTP status of a GET, or -1 when nothing answers in time. */
  public int status(String url) {
    try {
      return http.send(request(url), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** How many workers the master lists as ALIVE, or -1 when the master does not answer. */
  public int aliveWorkers(String masterUi, String sparkSecret) {
    JsonNode status = masterStatus(masterUi, sparkSecret);
    if (status == null) {
      return -1;
    }
    int alive = 0;
    for (JsonNode worker : status.path("workers")) {
      if ("ALIVE".equals(worker.path("state").asString())) {
        alive++;
      }
    }
    return alive;
  }

  private static HttpRequest signed(String url, String key) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(TIMEOUT)
        .header(GatewaySignature.HEADER, GatewaySignature.sign(PORTAL_USER, key, Instant.now()))
        .GET()
        .build();
  }

  private static HttpRequest request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
  }
}
