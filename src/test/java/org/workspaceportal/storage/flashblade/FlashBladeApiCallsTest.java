package org.workspaceportal.storage.flashblade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workspaceportal.storage.flashblade.ScriptedArray.errors;
import static org.workspaceportal.storage.flashblade.ScriptedArray.items;
import static org.workspaceportal.storage.flashblade.ScriptedArray.json;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workspaceportal.storage.StorageException;

/** Sessions, retries, errors and paging, against scripted HTTP answers. */
class FlashBladeApiCallsTest {

  private final ScriptedArray array = new ScriptedArray();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private MockWebServer server;
  private FlashBladeObjectStorage storage;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(array);
    server.start();
    URI url = server.url("/").uri();
    storage =
        new FlashBladeObjectStorage(
            FlashBladeFixtures.properties(url, FlashBladeFixtures.API_TOKEN, null), meters);
  }

  @AfterEach
  void stop() {
    storage.close();
    server.close();
  }

  @Test
  void firstCallDiscoversTheVersionLogsInAndSendsTheSessionAndARequestId() {
    array.then(items("{\"name\":\"ws-1\"}"));

    storage.ensureAccount("ws-1");

    RecordedRequest call = array.resourceCalls.getFirst();
    assertThat(call.getUrl().encodedPath()).isEqualTo("/api/2.17/object-store-accounts");
    assertThat(call.getUrl().queryParameter("names")).isEqualTo("ws-1");
    assertThat(call.getHeaders().get("x-auth-token")).isEqualTo("session-1");
    assertThat(call.getHeaders().get("X-Request-ID")).isNotBlank();
    assertThat(array.logins).hasValue(1);
  }

  @Test
  void theSessionIsReusedAndClosedOnClose() {
    array.then(items("{\"name\":\"a\"}")).then(items("{\"name\":\"b\"}"));

    storage.ensureAccount("a");
    storage.ensureAccount("b");
    storage.close();

    assertThat(array.logins).hasValue(1);
    assertThat(array.logouts).hasValue(1);
  }

  @Test
  void anExpiredSessionIsRenewedOnceAndTheCallRepeated() {
    array.then(errors(401, "", "Invalid session.")).then(items("{\"name\":\"ws-1\"}"));

    storage.ensureAccount("ws-1");

    assertThat(array.logins).hasValue(2);
    assertThat(array.resourceCalls.get(1).getHeaders().get("x-auth-token")).isEqualTo("session-2");
  }

  @Test
  void aSecond401AfterRenewingIsARefusal() {
    array.then(errors(401, "", "Invalid session.")).then(errors(401, "", "Invalid session."));

    assertThatThrownBy(() -> storage.ensureAccount("ws-1"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("Invalid session.")
        .satisfies(e -> assertThat(((StorageException) e).isTransient()).isFalse());
    assertThat(array.logins).hasValue(2);
  }

  @Test
  void aRejectedApiTokenSaysWhichSettingToCheck() {
    storage.close();
    storage =
        new FlashBladeObjectStorage(
            FlashBladeFixtures.properties(server.url("/").uri(), "wrong-token", null), meters);

    assertThatThrownBy(() -> storage.ensureAccount("ws-1"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("portal.storage.flashblade.api-token")
        .hasMessageContaining("Invalid API token.")
        .hasMessageNotContaining("wrong-token");
  }

  @Test
  void eachBusyAnswerIsOneCallAndTheNextAttemptGoesThrough() {
    array
        .then(json(429, "{\"message\":\"API rate limit exceeded\"}"))
        .then(errors(503, "", "Service unavailable."))
        .then(items("{\"name\":\"ws-1\"}"));

    assertThatThrownBy(() -> storage.ensureAccount("ws-1"))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.isTransient()).isTrue());
    assertThat(array.resourceCalls).hasSize(1);
    assertThatThrownBy(() -> storage.ensureAccount("ws-1"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("Service unavailable.")
        .hasMessageContaining("(HTTP 503");
    assertThat(array.resourceCalls).hasSize(2);
    storage.ensureAccount("ws-1");

    assertThat(array.resourceCalls).hasSize(3);
    assertThat(
            meters
                .get("portal.flashblade.requests")
                .tags(
                    "resource", "object-store-accounts", "outcome", "SERVER_ERROR", "method", "GET")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            meters
                .get("portal.flashblade.requests")
                .tags("resource", "object-store-accounts", "outcome", "CLIENT_ERROR")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void notImplementedIsNotRetried() {
    array.then(errors(501, "", "Not implemented."));

    assertThatThrownBy(() -> storage.ensureAccount("ws-1"))
        .isInstanceOf(StorageException.class)
        .satisfies(e -> assertThat(((StorageException) e).isTransient()).isFalse());
    assertThat(array.resourceCalls).hasSize(1);
  }

  @Test
  void aRefusalNamesTheActionAndTheArraysReason() {
    array
        .then(errors(400, "ws-1", "Object store account does not exist."))
        .then(errors(400, "Bad_Name", "Invalid name: upper case is not allowed."));

    assertThatThrownBy(() -> storage.ensureAccount("Bad_Name"))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith(
            "FlashBlade refused to create object-store account 'Bad_Name': "
                + "Invalid name: upper case is not allowed. (Bad_Name) (HTTP 400, request id ")
        .satisfies(e -> assertThat(((StorageException) e).isTransient()).isFalse());
    assertThat(array.resourceCalls).hasSize(2);
  }

  @Test
  void theGatewaysFlatErrorIsReadToo() {
    array.then(json(403, "{\"message\":\"Forbidden\"}"));

    assertThatThrownBy(() -> storage.ensureAccount("ws-1"))
        .hasMessageContaining(
            "FlashBlade refused to look up object-store account 'ws-1': Forbidden (HTTP 403");
  }

  @Test
  void listsFollowTheContinuationTokenWithALimit() {
    array
        .then(json(200, "{\"items\":[{\"name\":\"K1\"}],\"continuation_token\":\"next-1\"}"))
        .then(json(200, "{\"items\":[{\"name\":\"K2\"}],\"continuation_token\":null}"));

    assertThat(storage.accessKeyIds("ws-1", "spark")).containsExactly("K1", "K2");

    RecordedRequest first = array.resourceCalls.get(0);
    RecordedRequest second = array.resourceCalls.get(1);
    assertThat(first.getUrl().queryParameter("filter")).isEqualTo("user.name='ws-1/spark'");
    assertThat(first.getUrl().queryParameter("limit"))
        .isEqualTo(Integer.toString(FlashBladeApi.PAGE_SIZE));
    assertThat(first.getUrl().queryParameter("continuation_token")).isNull();
    assertThat(second.getUrl().queryParameter("continuation_token")).isEqualTo("next-1");
  }

  @Test
  void anArrayWithoutRest2IsReportedPlainly() {
    array.versions = "[\"1.10\",\"1.12\"]";

    assertThatThrownBy(() -> storage.ensureAccount("ws-1"))
        .hasMessageContaining("offers no REST 2.x version")
        .satisfies(e -> assertThat(((StorageException) e).isTransient()).isFalse());
  }
}
