package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The fields of an access key follow the REST version the client addresses, as in Pure's own client
 * models: {@code context} from 2.17, {@code access_key_id} from 2.20.
 */
class AccessKeyFieldsTest {

  private final FlashBladeSimulator simulator = SimulatorFixtures.newest();

  private static JsonNode createKey(SimulatorClient api) {
    var tenant = SimulatorFixtures.tenant(api);
    var reply = api.get("/object-store-access-keys?names=" + tenant.accessKeyId());
    assertThat(reply.status()).isEqualTo(200);
    return reply.items().path(0);
  }

  @Test
  void before217AKeyHasNeitherContextNorAccessKeyId() {
    JsonNode key = createKey(SimulatorFixtures.loggedIn(simulator, "2.16"));

    assertThat(key.has("context")).isFalse();
    assertThat(key.has("access_key_id")).isFalse();
  }

  @Test
  void from217AKeyNamesTheArrayAsItsContextButNotYetItsAccessKeyId() {
    JsonNode key = createKey(SimulatorFixtures.loggedIn(simulator, "2.17"));
    JsonNode array = SimulatorFixtures.loggedIn(simulator, "2.17").get("/arrays").items().path(0);

    assertThat(key.path("context").path("name").asString())
        .isEqualTo(array.path("name").asString());
    assertThat(key.path("context").path("id").asString()).isEqualTo(array.path("id").asString());
    assertThat(key.has("access_key_id")).isFalse();
  }

  @Test
  void from220AKeyCarriesTheAccessKeyIdThatSignsS3Requests() {
    var api = SimulatorFixtures.loggedIn(simulator, "2.26");
    var tenant = SimulatorFixtures.tenant(api);
    var created =
        api.post("/object-store-access-keys", "{\"user\":{\"name\":\"" + tenant.user() + "\"}}");

    JsonNode listed =
        api.get("/object-store-access-keys?filter=user.name='" + tenant.user() + "'").items();
    String newId = created.items().path(0).path("access_key_id").asString();

    assertThat(newId).isEqualTo(created.items().path(0).path("name").asString());
    assertThat(listed.valueStream().map(k -> k.path("access_key_id").asString()).toList())
        .containsExactlyInAnyOrder(tenant.accessKeyId(), newId);
    assertThat(
            SimulatorFixtures.loggedIn(simulator, "2.20")
                .get("/object-store-access-keys?filter=access_key_id='" + newId + "'")
                .items())
        .singleElement()
        .satisfies(k -> assertThat(k.path("name").asString()).isEqualTo(newId));
    try (var s3 =
        S3Clients.forKey(
            simulator.s3Endpoint(),
            newId,
            created.items().path(0).path("secret_access_key").asString())) {
      assertThat(s3.listObjectsV2(b -> b.bucket(tenant.bucket())).contents()).isEmpty();
    }
  }
}
