package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code destroyed=} with {@code names=}: "each object referenced must exist. If destroyed is set
 * to true, then each object referenced must also be destroyed. If destroyed is set to false, then
 * each object referenced must also not be destroyed. An error is returned if any of these
 * conditions are not met."
 */
class DestroyedSelectionTest {

  private final FlashBladeSimulator simulator = SimulatorFixtures.shared();
  private final SimulatorClient api = SimulatorFixtures.loggedIn(simulator);

  @Test
  void aDestroyedBucketNamedWithDestroyedFalseIsAnErrorNotAnEmptyList() {
    var tenant = SimulatorFixtures.tenant(api);
    var live = SimulatorFixtures.tenant(api);
    api.patch("/buckets?names=" + tenant.bucket(), "{\"destroyed\":true}");

    var reply = api.get("/buckets?destroyed=false&names=" + live.bucket() + "," + tenant.bucket());

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("errors")).hasSize(1);
    assertThat(reply.json().path("errors").path(0).path("context").asString())
        .isEqualTo(tenant.bucket());
    assertThat(reply.firstError()).contains("destroyed");
  }

  @Test
  void aLiveBucketNamedWithDestroyedTrueIsAnError() {
    var tenant = SimulatorFixtures.tenant(api);

    var reply = api.get("/buckets?destroyed=true&names=" + tenant.bucket());

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("errors").path(0).path("context").asString())
        .isEqualTo(tenant.bucket());
  }

  @Test
  void namesThatMatchTheirDestroyedStateAreListed() {
    var tenant = SimulatorFixtures.tenant(api);
    api.patch("/buckets?names=" + tenant.bucket(), "{\"destroyed\":true}");

    var reply = api.get("/buckets?destroyed=true&names=" + tenant.bucket());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.items()).hasSize(1);
  }

  @Test
  void withoutNamesDestroyedOnlyFilters() {
    var tenant = SimulatorFixtures.tenant(api);
    api.patch("/buckets?names=" + tenant.bucket(), "{\"destroyed\":true}");

    var reply = api.get("/buckets?destroyed=false&filter=account.name='" + tenant.account() + "'");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.items()).isEmpty();
  }

  @Test
  void fileSystemsFollowTheSameRule() {
    String name = SimulatorFixtures.unique("fs");
    api.post("/file-systems?names=" + name, "{}");
    api.patch("/file-systems?names=" + name, "{\"destroyed\":true}");

    var wrong = api.get("/file-systems?destroyed=false&names=" + name);
    var right = api.get("/file-systems?destroyed=true&names=" + name);

    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().path("errors").path(0).path("context").asString()).isEqualTo(name);
    assertThat(right.items()).hasSize(1);
  }
}
