package org.workspaceportal.storage.flashblade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workspaceportal.storage.flashblade.ScriptedArray.errors;
import static org.workspaceportal.storage.flashblade.ScriptedArray.items;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workspaceportal.storage.NewAccessKey;

/**
 * Which identifier of an access key the adapter uses where. From REST 2.20 a key carries {@code
 * access_key_id}, the id that signs S3 requests, while its {@code name}, the resource name that
 * {@code names=} takes, may carry a realm prefix ({@code realm1::PSFB...}). Before 2.20 the name is
 * the id.
 */
class AccessKeyIdTest {

  private static final String REALM_KEY_1 =
      "{\"name\":\"realm1::PSFBKEY1\",\"access_key_id\":\"PSFBKEY1\","
          + "\"user\":{\"name\":\"realm1::ws-1/spark\"}}";
  private static final String REALM_KEY_2 =
      "{\"name\":\"realm1::PSFBKEY2\",\"access_key_id\":\"PSFBKEY2\","
          + "\"user\":{\"name\":\"realm1::ws-1/spark\"}}";
  private static final String REALM_KEY_2_CREATED =
      "{\"name\":\"realm1::PSFBKEY2\",\"access_key_id\":\"PSFBKEY2\","
          + "\"secret_access_key\":\"s3cr3t\",\"user\":{\"name\":\"realm1::ws-1/spark\"}}";

  private final ScriptedArray array = new ScriptedArray();
  private MockWebServer server;
  private FlashBladeObjectStorage storage;

  @BeforeEach
  void start() throws IOException {
    array.versions = "[\"1.12\",\"2.0\",\"2.17\",\"2.20\",\"2.26\"]";
    server = new MockWebServer();
    server.setDispatcher(array);
    server.start();
    storage =
        new FlashBladeObjectStorage(
            FlashBladeFixtures.properties(
                server.url("/").uri(), FlashBladeFixtures.API_TOKEN, null),
            new SimpleMeterRegistry());
  }

  @AfterEach
  void stop() {
    storage.close();
    server.close();
  }

  @Test
  void aNewKeyIsDeliveredWithItsAccessKeyIdNotItsName() {
    array.then(items(REALM_KEY_1)).then(items(REALM_KEY_2_CREATED));

    NewAccessKey key = storage.createAccessKey("realm1::ws-1", "spark");

    assertThat(key).isEqualTo(new NewAccessKey("PSFBKEY2", "s3cr3t"));
  }

  @Test
  void listingAUsersKeysGivesTheirAccessKeyIds() {
    array.then(items(REALM_KEY_1, REALM_KEY_2));

    assertThat(storage.accessKeyIds("realm1::ws-1", "spark"))
        .containsExactly("PSFBKEY1", "PSFBKEY2");
  }

  @Test
  void aKeyIsDeletedByItsNameAfterLookingItUpByItsAccessKeyId() {
    array.then(items(REALM_KEY_1)).then(items());

    storage.deleteAccessKey("PSFBKEY1");

    assertThat(calls())
        .containsExactly(
            "GET /api/2.26/object-store-access-keys?filter=access_key_id%3D%27PSFBKEY1%27&limit=200",
            "DELETE /api/2.26/object-store-access-keys?names=realm1%3A%3APSFBKEY1");
  }

  @Test
  void aKeyThatIsAlreadyGoneNeedsNoDelete() {
    array.then(items());

    storage.deleteAccessKey("PSFBGONE");

    assertThat(calls()).singleElement().asString().startsWith("GET ");
  }

  @Test
  void removingAUserDeletesItsKeysByTheirNames() {
    array.then(items(REALM_KEY_1, REALM_KEY_2)).then(items()).then(items()).then(items());

    storage.removeUser("realm1::ws-1", "spark");

    assertThat(calls())
        .filteredOn(call -> call.startsWith("DELETE"))
        .containsExactly(
            "DELETE /api/2.26/object-store-access-keys?names=realm1%3A%3APSFBKEY1",
            "DELETE /api/2.26/object-store-access-keys?names=realm1%3A%3APSFBKEY2",
            "DELETE /api/2.26/object-store-users?names=realm1%3A%3Aws-1%2Fspark");
  }

  @Test
  void beforeRest220TheNameIsTheAccessKeyIdAndIsDeletedDirectly() {
    array.versions = "[\"1.12\",\"2.0\",\"2.17\",\"2.19\"]";
    array
        .then(items("{\"name\":\"PSFBKEY1\",\"user\":{\"name\":\"ws-1/spark\"}}"))
        .then(items())
        .then(errors(400, "PSFBGONE", "Object store access key does not exist."));

    List<String> ids = storage.accessKeyIds("ws-1", "spark");
    storage.deleteAccessKey("PSFBKEY1");
    storage.deleteAccessKey("PSFBGONE");

    assertThat(ids).containsExactly("PSFBKEY1");
    assertThat(calls())
        .containsExactly(
            "GET /api/2.19/object-store-access-keys?filter=user.name%3D%27ws-1%2Fspark%27&limit=200",
            "DELETE /api/2.19/object-store-access-keys?names=PSFBKEY1",
            "DELETE /api/2.19/object-store-access-keys?names=PSFBGONE");
  }

  private List<String> calls() {
    return array.resourceCalls.stream().map(AccessKeyIdTest::describe).toList();
  }

  private static String describe(RecordedRequest request) {
    String query = request.getUrl().encodedQuery();
    return request.getMethod()
        + " "
        + request.getUrl().encodedPath()
        + (query == null ? "" : "?" + query);
  }
}
