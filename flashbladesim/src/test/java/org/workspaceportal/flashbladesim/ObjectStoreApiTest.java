package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workspaceportal.flashbladesim.SimulatorFixtures.accountBody;
import static org.workspaceportal.flashbladesim.SimulatorFixtures.unique;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class ObjectStoreApiTest {

  private final FlashBladeSimulator simulator = SimulatorFixtures.shared();
  private final SimulatorClient api = SimulatorFixtures.loggedIn(simulator);

  @Test
  void provisioningAnAccountUserKeyAndBucketShowsThemInTheApiAndToTests() {
    var tenant = SimulatorFixtures.tenant(api);

    var account = api.get("/object-store-accounts?names=" + tenant.account());
    var user = api.get("/object-store-users?names=" + tenant.user());
    var bucket = api.get("/buckets?names=" + tenant.bucket());

    assertThat(account.items().path(0).path("name").asString()).isEqualTo(tenant.account());
    assertThat(user.items().path(0).path("account").path("name").asString())
        .isEqualTo(tenant.account());
    assertThat(user.items().path(0).path("access_keys").path(0).path("name").asString())
        .isEqualTo(tenant.accessKeyId());
    assertThat(bucket.items().path(0).path("account").path("name").asString())
        .isEqualTo(tenant.account());
    assertThat(bucket.items().path(0).path("destroyed").asBoolean()).isFalse();
    assertThat(tenant.accessKeyId()).matches("PSFB[A-Z]{36}");
    assertThat(simulator.users())
        .contains(
            new SimulatedUser(
                tenant.user(),
                tenant.account(),
                List.of("pure:policy/full-access"),
                List.of(tenant.accessKeyId())));
    assertThat(simulator.buckets())
        .contains(new SimulatedBucket(tenant.bucket(), tenant.account(), false));
  }

  @Test
  void creatingAnExistingNameIs400AlreadyExists() {
    var tenant = SimulatorFixtures.tenant(api);

    var account = api.post("/object-store-accounts?names=" + tenant.account(), null);
    var user = api.post("/object-store-users?names=" + tenant.user(), null);
    var bucket = api.post("/buckets?names=" + tenant.bucket(), accountBody(tenant.account()));

    for (var reply : List.of(account, user, bucket)) {
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.firstError()).endsWith("already exists.");
    }
    assertThat(account.json().path("errors").path(0).path("context").asString())
        .isEqualTo(tenant.account());
  }

  @Test
  void gettingMissingNamesIs400WithOneErrorPerName() {
    var reply = api.get("/buckets?names=no-such-bucket-1,no-such-bucket-2");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("errors")).hasSize(2);
    assertThat(reply.json().path("errors").path(1).path("context").asString())
        .isEqualTo("no-such-bucket-2");
    assertThat(reply.firstError()).endsWith("does not exist.");
  }

  @Test
  void concurrentCreatesOfOneNameLetExactlyOneWin() throws Exception {
    String account = unique("race");
    Callable<Integer> create =
        () ->
            SimulatorFixtures.loggedIn(simulator)
                .post("/object-store-accounts?names=" + account, null)
                .status();
    var pool = Executors.newFixedThreadPool(8);
    try {
      var statuses = new ArrayList<Integer>();
      for (var reply : pool.invokeAll(Collections.nCopies(8, create))) {
        statuses.add(reply.get());
      }

      assertThat(statuses).containsOnly(200, 400).containsOnlyOnce(200);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aMalformedQueryIs400() {
    // the JDK client refuses to send such a URI, so the parser is asked directly
    Assertions.assertThatThrownBy(() -> ApiRequest.parseQuery("names=%zz"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void accountNamesMustBeLowerCase() {
    var reply = api.post("/object-store-accounts?names=DataTeam", null);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.firstError()).contains("lowercase");
  }

  @Test
  void accountQuotaIsAStringInTheRequestAndANumberInTheResponse() {
    String account = unique("acct");

    var created =
        api.post("/object-store-accounts?names=" + account, "{\"quota_limit\":\"1073741824\"}");

    assertThat(created.status()).isEqualTo(200);
    assertThat(created.items().path(0).path("quota_limit").isNumber()).isTrue();
    assertThat(created.items().path(0).path("quota_limit").asLong()).isEqualTo(1073741824L);
  }

  @Test
  void aUserNeedsAnExistingAccount() {
    var reply = api.post("/object-store-users?names=" + unique("nobody") + "/spark", null);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.firstError()).contains("does not exist");
  }

  @Test
  void aUserHasAtMostTwoAccessKeys() {
    var tenant = SimulatorFixtures.tenant(api);
    String body = "{\"user\":{\"name\":\"" + tenant.user() + "\"}}";

    var second = api.post("/object-store-access-keys", body);
    var third = api.post("/object-store-access-keys", body);

    assertThat(second.status()).isEqualTo(200);
    assertThat(third.status()).isEqualTo(400);
    assertThat(third.firstError()).contains("maximum");
    assertThat(simulator.accessKeyIds(tenant.user())).hasSize(2);
  }

  @Test
  void theSecretIsShownOnlyWhenTheKeyIsCreated() {
    var tenant = SimulatorFixtures.tenant(api);

    var byName = api.get("/object-store-access-keys?names=" + tenant.accessKeyId());
    var byUser = api.get("/object-store-access-keys?filter=user.name='" + tenant.user() + "'");

    assertThat(tenant.secret()).hasSize(40);
    assertThat(byName.items().path(0).has("secret_access_key")).isFalse();
    assertThat(byUser.items()).hasSize(1);
    assertThat(byUser.items().path(0).path("name").asString()).isEqualTo(tenant.accessKeyId());
    assertThat(byUser.items().path(0).has("secret_access_key")).isFalse();
    assertThat(byUser.raw().body()).doesNotContain(tenant.secret());
  }

  @Test
  void aKeyCreateWithoutAUserIs400() {
    assertThat(api.post("/object-store-access-keys", "{}").status()).isEqualTo(400);
    assertThat(api.post("/object-store-access-keys", null).status()).isEqualTo(400);
  }

  @Test
  void deletingAUserDeletesItsKeysWithIt() {
    var tenant = SimulatorFixtures.tenant(api);

    assertThat(api.delete("/object-store-users?names=" + tenant.user()).status()).isEqualTo(200);

    assertThat(api.get("/object-store-access-keys?names=" + tenant.accessKeyId()).status())
        .isEqualTo(400);
    assertThat(simulator.users()).extracting(SimulatedUser::name).doesNotContain(tenant.user());
  }

  @Test
  void anAccountWithUsersOrBucketsCannotBeDeletedUntilTheyAreGone() {
    var tenant = SimulatorFixtures.tenant(api);

    assertThat(api.delete("/object-store-accounts?names=" + tenant.account()).status())
        .isEqualTo(400);
    api.delete("/object-store-access-keys?names=" + tenant.accessKeyId());
    api.delete("/object-store-users?names=" + tenant.user());
    api.patch("/buckets?names=" + tenant.bucket(), "{\"destroyed\":true}");
    var whileDestroyedBucketRemains =
        api.delete("/object-store-accounts?names=" + tenant.account());
    api.delete("/buckets?names=" + tenant.bucket());
    var afterEradication = api.delete("/object-store-accounts?names=" + tenant.account());

    assertThat(whileDestroyedBucketRemains.status()).isEqualTo(400);
    assertThat(afterEradication.status()).isEqualTo(200);
    assertThat(simulator.accounts())
        .extracting(SimulatedAccount::name)
        .doesNotContain(tenant.account());
  }

  @Test
  void aBucketIsDestroyedRecoveredAndOnlyEradicatedOnceDestroyed() {
    var tenant = SimulatorFixtures.tenant(api);
    String bucket = "/buckets?names=" + tenant.bucket();

    var eradicateLive = api.delete(bucket);
    var destroyed = api.patch(bucket, "{\"destroyed\":true}");
    var listedAsDestroyed = api.get("/buckets?destroyed=true&names=" + tenant.bucket());
    var liveList = api.get("/buckets?destroyed=false&filter=name='" + tenant.bucket() + "'");
    var recreate = api.post(bucket, accountBody(tenant.account()));
    var recovered = api.patch(bucket, "{\"destroyed\":false}");
    api.patch(bucket, "{\"destroyed\":true}");
    var eradicated = api.delete(bucket);
    var afterwards = api.get(bucket);
    var reused = api.post(bucket, accountBody(tenant.account()));

    assertThat(eradicateLive.status()).isEqualTo(400);
    assertThat(destroyed.items().path(0).path("destroyed").asBoolean()).isTrue();
    assertThat(destroyed.items().path(0).path("time_remaining").asLong()).isPositive();
    assertThat(listedAsDestroyed.items()).hasSize(1);
    assertThat(liveList.items()).isEmpty();
    assertThat(recreate.status()).isEqualTo(400);
    assertThat(recovered.items().path(0).path("destroyed").asBoolean()).isFalse();
    assertThat(recovered.items().path(0).path("time_remaining").isNull()).isTrue();
    assertThat(eradicated.status()).isEqualTo(200);
    assertThat(afterwards.status()).isEqualTo(400);
    assertThat(reused.status()).isEqualTo(200);
  }

  @Test
  void aBucketNeedsAnAccountInItsBody() {
    var reply = api.post("/buckets?names=" + unique("bucket"), "{}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("errors").path(0).path("context").asString()).isEqualTo("account");
  }

  @Test
  void bucketVersioningCanBeEnabledAndSuspendedButNotReset() {
    var tenant = SimulatorFixtures.tenant(api);
    String bucket = "/buckets?names=" + tenant.bucket();

    var enabled = api.patch(bucket, "{\"versioning\":\"enabled\"}");
    var reset = api.patch(bucket, "{\"versioning\":\"none\"}");
    var suspended = api.patch(bucket, "{\"versioning\":\"suspended\"}");

    assertThat(enabled.items().path(0).path("versioning").asString()).isEqualTo("enabled");
    assertThat(reset.status()).isEqualTo(400);
    assertThat(suspended.items().path(0).path("versioning").asString()).isEqualTo("suspended");
  }
}
