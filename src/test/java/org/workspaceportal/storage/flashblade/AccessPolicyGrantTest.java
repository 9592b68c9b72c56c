package org.workspaceportal.storage.flashblade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workspaceportal.storage.flashblade.ScriptedArray.errors;
import static org.workspaceportal.storage.flashblade.ScriptedArray.items;
import static org.workspaceportal.storage.flashblade.ScriptedArray.json;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workspaceportal.storage.StorageException;

/**
 * What the adapter sends to give a workspace's user its access policies, against scripted answers.
 */
class AccessPolicyGrantTest {

  private static final String USER = "{\"name\":\"ws-1/spark\",\"account\":{\"name\":\"ws-1\"}}";
  private static final String MEMBERSHIPS =
      "/api/2.17/object-store-access-policies/object-store-users";

  private final ScriptedArray array = new ScriptedArray();
  private MockWebServer server;
  private FlashBladeObjectStorage storage;

  @BeforeEach
  void start() throws IOException {
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

  private static String member(String policy) {
    return "{\"member\":{\"name\":\"ws-1/spark\",\"id\":\"u-1\",\"resource_type\":\"object-store-users\"},"
        + "\"policy\":{\"name\":\""
        + policy
        + "\",\"id\":\"p-1\",\"resource_type\":\"object-store-access-policies\"}}";
  }

  private static String[] members(List<String> policies) {
    return policies.stream().map(AccessPolicyGrantTest::member).toArray(String[]::new);
  }

  private List<RecordedRequest> calls(String method) {
    return array.resourceCalls.stream()
        .filter(c -> c.getMethod().equals(method) && c.getUrl().encodedPath().equals(MEMBERSHIPS))
        .toList();
  }

  private void scriptGrants(int count) {
    for (int i = 0; i < count; i++) {
      array.then(items(member("granted")));
    }
  }

  @Test
  void aNewUserIsCreatedWithoutFullAccessAndGrantedTheObjectPoliciesInOneCall() {
    array.then(errors(400, "ws-1/spark", "Object store user does not exist.")).then(items(USER));
    array.then(items());
    scriptGrants(1);
    array.then(items(members(AccessPolicies.WORKSPACE_USER)));

    storage.ensureUser("ws-1", "spark");

    RecordedRequest create = array.resourceCalls.get(1);
    assertThat(create.getUrl().encodedPath()).isEqualTo("/api/2.17/object-store-users");
    assertThat(create.getUrl().queryParameter("full_access")).isEqualTo("false");
    assertThat(calls("POST"))
        .extracting(c -> List.of(c.getUrl().queryParameter("policy_names").split(",")))
        .singleElement()
        .isEqualTo(AccessPolicies.WORKSPACE_USER);
    assertThat(calls("POST"))
        .allSatisfy(
            c -> {
              assertThat(c.getUrl().queryParameter("member_names")).isEqualTo("ws-1/spark");
              assertThat(c.getBody() == null || c.getBody().size() == 0).isTrue();
            });
    assertThat(calls("GET")).hasSize(2);
  }

  @Test
  void theFullAccessPolicyAnArrayAttachesToANewUserIsRevoked() {
    array.then(items(USER));
    array.then(items(member("pure:policy/full-access"), member("pure:policy/object-read")));
    array.then(json(200, "{}"));
    scriptGrants(1);
    array.then(items(members(AccessPolicies.WORKSPACE_USER)));

    storage.ensureUser("ws-1", "spark");

    assertThat(calls("DELETE"))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.getUrl().queryParameter("policy_names"))
                    .isEqualTo("pure:policy/full-access"));
    assertThat(calls("POST"))
        .extracting(c -> List.of(c.getUrl().queryParameter("policy_names").split(",")))
        .singleElement()
        .satisfies(
            granted -> assertThat(granted).hasSize(4).doesNotContain("pure:policy/object-read"));
  }

  @Test
  void aGrantTheArraySaysExistsAlreadyIsTakenOnceTheListingShowsIt() {
    array.then(items(USER)).then(items());
    // the whole call is refused: one of them was granted meanwhile; then each on its own
    array.then(errors(400, "ws-1/spark", "Membership in pure:policy/object-list already exists."));
    array.then(errors(400, "ws-1/spark", "Membership in pure:policy/object-list already exists."));
    scriptGrants(4);
    array.then(items(members(AccessPolicies.WORKSPACE_USER)));

    storage.ensureUser("ws-1", "spark");

    assertThat(calls("POST"))
        .extracting(c -> c.getUrl().queryParameter("policy_names"))
        .hasSize(6)
        .startsWith(String.join(",", AccessPolicies.WORKSPACE_USER))
        .endsWith(AccessPolicies.WORKSPACE_USER.toArray(String[]::new));
  }

  @Test
  void aUserThatEndsUpWithOtherPoliciesIsAPermanentFailureNamingThem() {
    array.then(items(USER)).then(items(members(AccessPolicies.WORKSPACE_USER)));
    array.then(items(member("pure:policy/object-read"), member("pure:policy/bucket-create")));

    assertThatThrownBy(() -> storage.ensureUser("ws-1", "spark"))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.isTransient()).isFalse())
        .hasMessageContaining("'ws-1/spark' holds the access policies")
        .hasMessageContaining("pure:policy/bucket-create");
    assertThat(calls("POST")).isEmpty();
  }

  @Test
  void anArrayWithoutMembershipsRefusesClearly() {
    array.then(items(USER)).then(errors(404, "", "Resource not found."));

    assertThatThrownBy(() -> storage.ensureUser("ws-1", "spark"))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.isTransient()).isFalse())
        .hasMessageContaining("FlashBlade REST 2.17 offers no object-store access policies")
        .hasMessageContaining("list the access policies of object-store user 'ws-1/spark'");
  }
}
