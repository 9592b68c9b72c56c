package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The access-policy memberships of object-store users through the management API, on both paths
 * Pure's client knows.
 */
class PolicyMembershipApiTest {

  private static final String POLICIES_USERS = "/object-store-access-policies/object-store-users";
  private static final String USERS_POLICIES = "/object-store-users/object-store-access-policies";

  private final FlashBladeSimulator simulator = SimulatorFixtures.shared();
  private final SimulatorClient api = SimulatorFixtures.loggedIn(simulator);

  private static List<String> policyNames(SimulatorClient.Reply reply) {
    return reply.items().valueStream().map(i -> i.path("policy").path("name").asString()).toList();
  }

  private List<String> heldBy(String user) {
    return simulator.users().stream()
        .filter(u -> u.name().equals(user))
        .findFirst()
        .orElseThrow()
        .policies();
  }

  @Test
  void policiesAreGrantedListedAndRevokedOnEitherPath() {
    var tenant = SimulatorFixtures.tenant(api, List.of());

    var none = api.get(POLICIES_USERS + "?member_names=" + tenant.user());
    var granted =
        api.post(
            POLICIES_USERS
                + "?member_names="
                + tenant.user()
                + "&policy_names=pure:policy/object-read,pure:policy/object-write",
            null);
    var mirrored = api.get(USERS_POLICIES + "?member_names=" + tenant.user());
    var revoked =
        api.delete(
            USERS_POLICIES
                + "?member_names="
                + tenant.user()
                + "&policy_names=pure:policy/object-write");
    var after = api.get(POLICIES_USERS + "?member_names=" + tenant.user());

    assertThat(none.status()).isEqualTo(200);
    assertThat(none.items()).isEmpty();
    assertThat(granted.status()).isEqualTo(200);
    JsonNode first = granted.items().path(0);
    assertThat(first.path("member").path("name").asString()).isEqualTo(tenant.user());
    assertThat(first.path("member").path("resource_type").asString())
        .isEqualTo("object-store-users");
    assertThat(first.path("member").path("id").asString()).isNotBlank();
    assertThat(first.path("policy").path("name").asString()).isEqualTo("pure:policy/object-read");
    assertThat(first.path("policy").path("resource_type").asString())
        .isEqualTo("object-store-access-policies");
    assertThat(policyNames(mirrored))
        .containsExactlyInAnyOrder("pure:policy/object-read", "pure:policy/object-write");
    assertThat(mirrored.json().path("total_item_count").asInt()).isEqualTo(2);
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(policyNames(after)).containsExactly("pure:policy/object-read");
    assertThat(heldBy(tenant.user())).containsExactly("pure:policy/object-read");
  }

  @Test
  void aUserCreatedWithFullAccessHoldsTheFullAccessPolicyAndOneWithoutHoldsNone() {
    var full = SimulatorFixtures.tenant(api);
    var bare = SimulatorFixtures.tenant(api, List.of());

    var fullPolicies = api.get(POLICIES_USERS + "?member_names=" + full.user());
    var barePolicies = api.get(POLICIES_USERS + "?member_names=" + bare.user());

    assertThat(policyNames(fullPolicies)).containsExactly("pure:policy/full-access");
    assertThat(barePolicies.items()).isEmpty();
    assertThat(simulator.users())
        .filteredOn(u -> u.name().equals(full.user()))
        .singleElement()
        .satisfies(u -> assertThat(u.fullAccess()).isTrue());
  }

  @Test
  void unknownUsersAndPoliciesAre400WithOneErrorEachAndChangeNothing() {
    var tenant = SimulatorFixtures.tenant(api, List.of());
    String nobody = tenant.account() + "/nobody";

    var unknownUser =
        api.post(
            POLICIES_USERS
                + "?member_names="
                + tenant.user()
                + ","
                + nobody
                + "&policy_names=pure:policy/object-read",
            null);
    var unknownPolicies =
        api.post(
            POLICIES_USERS
                + "?member_names="
                + tenant.user()
                + "&policy_names=pure:policy/object-read,pure:policy/no-such,"
                + tenant.account()
                + "/custom",
            null);
    var listUnknown = api.get(USERS_POLICIES + "?member_names=" + nobody);
    var revokeUnknown =
        api.delete(
            POLICIES_USERS + "?member_names=" + nobody + "&policy_names=pure:policy/object-read");

    assertThat(unknownUser.status()).isEqualTo(400);
    assertThat(unknownUser.json().path("errors")).hasSize(1);
    assertThat(unknownUser.json().path("errors").path(0).path("context").asString())
        .isEqualTo(nobody);
    assertThat(unknownUser.firstError()).isEqualTo("Object store user does not exist.");
    assertThat(unknownPolicies.status()).isEqualTo(400);
    assertThat(unknownPolicies.json().path("errors")).hasSize(2);
    assertThat(unknownPolicies.json().path("errors").path(0).path("context").asString())
        .isEqualTo("pure:policy/no-such");
    assertThat(unknownPolicies.firstError())
        .isEqualTo("Object store access policy does not exist.");
    assertThat(listUnknown.status()).isEqualTo(400);
    assertThat(revokeUnknown.status()).isEqualTo(400);
    assertThat(heldBy(tenant.user())).isEmpty();
  }

  @Test
  void grantingAHeldPolicyIs400AlreadyExistsAndRevokingAnUnheldOneIs400DoesNotExist() {
    var tenant = SimulatorFixtures.tenant(api, List.of("object-read"));

    var again =
        api.post(
            POLICIES_USERS
                + "?member_names="
                + tenant.user()
                + "&policy_names=pure:policy/object-list,pure:policy/object-read",
            null);
    var notHeld =
        api.delete(
            POLICIES_USERS
                + "?member_names="
                + tenant.user()
                + "&policy_names=pure:policy/object-read,pure:policy/bucket-create");

    assertThat(again.status()).isEqualTo(400);
    assertThat(again.firstError()).endsWith("already exists.");
    assertThat(again.json().path("errors").path(0).path("context").asString())
        .isEqualTo(tenant.user());
    assertThat(notHeld.status()).isEqualTo(400);
    assertThat(notHeld.firstError()).endsWith("does not exist.");
    assertThat(heldBy(tenant.user())).containsExactly("pure:policy/object-read");
  }

  @Test
  void membersAndPoliciesCanBeChosenByIdButNotByNameAndIdAtOnce() {
    var tenant = SimulatorFixtures.tenant(api, List.of("object-read"));
    String userId =
        api.get("/object-store-users?names=" + tenant.user()).items().path(0).path("id").asString();
    String readId =
        api.get(POLICIES_USERS + "?member_names=" + tenant.user())
            .items()
            .path(0)
            .path("policy")
            .path("id")
            .asString();

    var byIds = api.get(POLICIES_USERS + "?member_ids=" + userId + "&policy_ids=" + readId);
    var both = api.get(POLICIES_USERS + "?member_names=" + tenant.user() + "&member_ids=" + userId);
    var withoutPolicy = api.post(POLICIES_USERS + "?member_names=" + tenant.user(), null);

    assertThat(policyNames(byIds)).containsExactly("pure:policy/object-read");
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.firstError()).contains("cannot be combined");
    assertThat(withoutPolicy.status()).isEqualTo(400);
    assertThat(withoutPolicy.firstError()).contains("policy_names");
  }

  @Test
  void membershipsAreFilteredAndPagedLikeAnyList() {
    var tenant = SimulatorFixtures.tenant(api, List.of("object-read", "object-list"));

    var filtered =
        api.get(
            POLICIES_USERS
                + "?member_names="
                + tenant.user()
                + "&filter=policy.name='pure:policy/object-list'");
    var firstPage = api.get(USERS_POLICIES + "?member_names=" + tenant.user() + "&limit=1");

    assertThat(policyNames(filtered)).containsExactly("pure:policy/object-list");
    assertThat(firstPage.items()).hasSize(1);
    assertThat(firstPage.json().path("continuation_token").asString()).isNotBlank();
  }

  @Test
  void deletingAUserEndsItsMemberships() {
    var tenant = SimulatorFixtures.tenant(api, List.of("object-read"));
    api.delete("/object-store-access-keys?names=" + tenant.accessKeyId());

    assertThat(api.delete("/object-store-users?names=" + tenant.user()).status()).isEqualTo(200);

    assertThat(api.get(POLICIES_USERS).items().valueStream())
        .noneMatch(i -> i.path("member").path("name").asString().equals(tenant.user()));
  }
}
