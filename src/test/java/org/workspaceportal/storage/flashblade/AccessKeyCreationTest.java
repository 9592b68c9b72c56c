package org.workspaceportal.storage.flashblade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workspaceportal.storage.flashblade.ScriptedArray.errors;
import static org.workspaceportal.storage.flashblade.ScriptedArray.items;
import static org.workspaceportal.storage.flashblade.ScriptedArray.json;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workspaceportal.storage.NewAccessKey;
import org.workspaceportal.storage.StorageException;

/**
 * The one call that must not be repeated blindly: which failures resend the POST, and which do not.
 */
class AccessKeyCreationTest {

  private static final String KEY_1 = "{\"name\":\"PSFBKEY1\",\"user\":{\"name\":\"ws-1/spark\"}}";
  private static final String KEY_2 = "{\"name\":\"PSFBKEY2\",\"user\":{\"name\":\"ws-1/spark\"}}";
  private static final String CREATED =
      "{\"name\":\"PSFBKEY2\",\"secret_access_key\":\"s3cr3t\","
          + "\"user\":{\"name\":\"ws-1/spark\"}}";

  private final ScriptedArray array = new ScriptedArray();
  private MockWebServer server;
  private FlashBladeObjectStorage storage;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(array);
    server.start();
    FlashBladeProperties properties =
        FlashBladeFixtures.withReadTimeout(
            FlashBladeFixtures.properties(
                server.url("/").uri(), FlashBladeFixtures.API_TOKEN, null),
            Duration.ofMillis(400));
    storage = new FlashBladeObjectStorage(properties, new SimpleMeterRegistry());
  }

  @AfterEach
  void stop() {
    storage.close();
    server.close();
  }

  @Test
  void createsTheKeyWithOnePostAndReturnsItsSecret() {
    array.then(items(KEY_1)).then(items(CREATED));

    NewAccessKey key = storage.createAccessKey("ws-1", "spark");

    assertThat(key).isEqualTo(new NewAccessKey("PSFBKEY2", "s3cr3t"));
    assertThat(key.toString()).doesNotContain("s3cr3t");
    assertThat(posts()).isEqualTo(1);
    assertThat(array.resourceCalls.get(1).getBody().utf8())
        .isEqualTo("{\"user\":{\"name\":\"ws-1/spark\"}}");
  }

  @Test
  void thePostGoesOverAConnectionThatJustAnsweredNotAHandshakeOfItsOwn() {
    array.then(items(KEY_1)).then(items(CREATED));

    storage.createAccessKey("ws-1", "spark");

    RecordedRequest listing = array.resourceCalls.get(0);
    RecordedRequest post = array.resourceCalls.get(1);
    assertThat(post.getMethod()).isEqualTo("POST");
    assertThat(post.getConnectionIndex()).isEqualTo(listing.getConnectionIndex());
    assertThat(post.getExchangeIndex()).isGreaterThan(listing.getExchangeIndex());
  }

  @Test
  void aPooledConnectionTheArrayClosedAfterTheListingNeverCarriesThePostTwice() {
    // the array closes the connection once the listing's answer is out: the POST finds it closed
    // (and goes over a new one) or is lost on it (and fails unconfirmed), never sent twice
    array
        .then(
            new MockResponse.Builder(items(KEY_1))
                .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)
                .build())
        .then(items(CREATED));

    try {
      assertThat(storage.createAccessKey("ws-1", "spark"))
          .isEqualTo(new NewAccessKey("PSFBKEY2", "s3cr3t"));
    } catch (StorageException unconfirmed) {
      assertThat(unconfirmed.isTransient()).isTrue();
    }
    assertThat(posts()).isLessThanOrEqualTo(1);
  }

  @Test
  void aUserWithTwoKeysGetsNoThirdAndNoPostIsSent() {
    array.then(items(KEY_1, KEY_2));

    assertThatThrownBy(() -> storage.createAccessKey("ws-1", "spark"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("'ws-1/spark' already has 2 access keys")
        .satisfies(e -> assertThat(((StorageException) e).isTransient()).isFalse());
    assertThat(posts()).isZero();
  }

  @Test
  void theArraysOwnKeyLimitReadsTheSame() {
    array
        .then(items(KEY_1))
        .then(errors(400, "ws-1/spark", "User has reached the maximum number of access keys (2)."));

    assertThatThrownBy(() -> storage.createAccessKey("ws-1", "spark"))
        .hasMessageContaining("already has 2 access keys")
        .satisfies(e -> assertThat(((StorageException) e).isTransient()).isFalse());
  }

  @Test
  void aRateLimitWithNoNewKeyInTheListingIsSafeToSendAgainLater() {
    array
        .then(items(KEY_1))
        .then(json(429, "{\"message\":\"API rate limit exceeded\"}"))
        .then(items(KEY_1)) // the listing after the 429: nothing new
        .then(items(KEY_1)) // the next attempt
        .then(items(CREATED));

    assertThatThrownBy(() -> storage.createAccessKey("ws-1", "spark"))
        .hasMessageContaining("HTTP 429")
        .hasMessageNotContaining("did not confirm")
        .satisfies(e -> assertThat(((StorageException) e).isTransient()).isTrue());
    assertThat(posts()).isEqualTo(1);

    assertThat(storage.createAccessKey("ws-1", "spark").accessKeyId()).isEqualTo("PSFBKEY2");
    assertThat(posts()).isEqualTo(2);
  }

  @Test
  void aKeyThatAppearedDespite503IsReportedAndNotCreatedAgain() {
    array
        .then(items(KEY_1))
        .then(errors(503, "", "Service unavailable."))
        .then(items(KEY_1, KEY_2));

    assertThatThrownBy(() -> storage.createAccessKey("ws-1", "spark"))
        .hasMessageContaining("[PSFBKEY2] appeared")
        .satisfies(e -> assertThat(((StorageException) e).isTransient()).isTrue());
    assertThat(posts()).isEqualTo(1);
  }

  @Test
  void anyOther5xxIsNotResent() {
    array.then(items(KEY_1)).then(errors(502, "", "Bad gateway."));

    assertThatThrownBy(() -> storage.createAccessKey("ws-1", "spark"))
        .hasMessageContaining(
            "did not confirm creating an access key for object-store user 'ws-1/spark'")
        .hasMessageContaining("List the user's keys")
        .satisfies(e -> assertThat(((StorageException) e).isTransient()).isTrue());
    assertThat(posts()).isEqualTo(1);
  }

  @Test
  void aTimeoutAfterSendingIsNotResent() {
    array
        .then(items(KEY_1))
        .then(new MockResponse.Builder(items(CREATED)).headersDelay(1, TimeUnit.SECONDS).build());

    assertThatThrownBy(() -> storage.createAccessKey("ws-1", "spark"))
        .hasMessageContaining("did not confirm")
        .satisfies(e -> assertThat(((StorageException) e).isTransient()).isTrue());
    assertThat(posts()).isEqualTo(1);
  }

  @Test
  void aDroppedConnectionAfterSendingIsNotResent() {
    array
        .then(items(KEY_1))
        .then(
            new MockResponse.Builder(items(CREATED))
                .onResponseStart(new SocketEffect.CloseSocket())
                .build());

    assertThatThrownBy(() -> storage.createAccessKey("ws-1", "spark"))
        .hasMessageContaining("did not confirm")
        .satisfies(e -> assertThat(((StorageException) e).isTransient()).isTrue());
    assertThat(posts()).isEqualTo(1);
  }

  @Test
  void anAnswerWithoutTheSecretNamesTheUselessKey() {
    array.then(items(KEY_1)).then(items(KEY_2));

    assertThatThrownBy(() -> storage.createAccessKey("ws-1", "spark"))
        .hasMessageContaining("did not return it with its secret (key PSFBKEY2)");
  }

  @Test
  void deletingAnUnknownKeyIsNotAnError() {
    array.then(errors(400, "PSFBGONE", "Object store access key does not exist."));

    storage.deleteAccessKey("PSFBGONE");

    assertThat(array.resourceCalls.getFirst().getMethod()).isEqualTo("DELETE");
  }

  private long posts() {
    return array.resourceCalls.stream().filter(r -> r.getMethod().equals("POST")).count();
  }
}
