package org.workspaceportal.storage.flashblade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.workspaceportal.flashbladesim.FaultInjector;
import org.workspaceportal.flashbladesim.FlashBladeSimulator;
import org.workspaceportal.flashbladesim.SimulatorSettings;
import org.workspaceportal.storage.NewAccessKey;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.storage.StorageException;

/**
 * Against the simulator: every ensure call creates once, adopts what exists, and respects the
 * limits.
 */
class FlashBladeProvisioningTest {

  private static final String MEMBERSHIPS = "object-store-access-policies/object-store-users";
  private static final FlashBladeSimulator array = SimulatedFlashBlade.shared();
  private static final FlashBladeObjectStorage storage = SimulatedFlashBlade.adapter(array);

  @AfterAll
  static void close() {
    storage.close();
  }

  @AfterEach
  void resetFaults() {
    FaultInjector.of(array).reset();
  }

  @Test
  void ensuringTwiceCreatesEverythingOnce() {
    String account = SimulatedFlashBlade.unique("prov");
    String bucket = SimulatedFlashBlade.unique("prov");
    String datahub = SimulatedFlashBlade.unique("hub");
    long accountPosts = array.callCount("POST", "object-store-accounts");
    long userPosts = array.callCount("POST", "object-store-users");
    long grantPosts = array.callCount("POST", MEMBERSHIPS);
    long bucketPosts = array.callCount("POST", "buckets");
    long fsPosts = array.callCount("POST", "file-systems");

    for (int i = 0; i < 2; i++) {
      storage.ensureAccount(account);
      storage.ensureUser(account, "spark");
      storage.ensureBucket(account, bucket, 5_000_000_000L);
      storage.ensureFileSystem(datahub, 2L << 30);
    }

    assertThat(array.callCount("POST", "object-store-accounts")).isEqualTo(accountPosts + 1);
    assertThat(array.callCount("POST", "object-store-users")).isEqualTo(userPosts + 1);
    assertThat(array.callCount("POST", MEMBERSHIPS))
        .as("the user's policies granted in one call")
        .isEqualTo(grantPosts + 1);
    assertThat(array.callCount("POST", "buckets")).isEqualTo(bucketPosts + 1);
    assertThat(array.callCount("POST", "file-systems")).isEqualTo(fsPosts + 1);
    assertThat(array.users())
        .filteredOn(u -> u.name().equals(account + "/spark"))
        .singleElement()
        .satisfies(
            u ->
                assertThat(u.policies())
                    .containsExactlyInAnyOrderElementsOf(AccessPolicies.WORKSPACE_USER));
    assertThat(array.buckets())
        .filteredOn(b -> b.name().equals(bucket))
        .singleElement()
        .satisfies(b -> assertThat(b.account()).isEqualTo(account));
    assertThat(array.fileSystems())
        .filteredOn(f -> f.name().equals(datahub))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.provisioned()).isEqualTo(2L << 30);
              assertThat(f.nfsV3Enabled()).isTrue();
              assertThat(f.nfsV41Enabled()).isTrue();
              assertThat(f.nfsRules()).isEqualTo("*(rw,no_root_squash)");
              assertThat(f.destroyed()).isFalse();
            });
  }

  @Test
  void aBucketThatAlreadyExistsInTheAccountIsAdopted() {
    String account = SimulatedFlashBlade.unique("adopt");
    String bucket = SimulatedFlashBlade.unique("adopt");
    try (var someoneElse = SimulatedFlashBlade.adapter(array)) {
      someoneElse.ensureAccount(account);
      someoneElse.ensureBucket(account, bucket, null);
    }
    long bucketPosts = array.callCount("POST", "buckets");

    storage.ensureBucket(account, bucket, null);

    assertThat(array.callCount("POST", "buckets")).isEqualTo(bucketPosts);
  }

  @Test
  void aBucketNameTakenByAnotherAccountIsAPermanentConflict() {
    String mine = SimulatedFlashBlade.unique("mine");
    String theirs = SimulatedFlashBlade.unique("theirs");
    String bucket = SimulatedFlashBlade.unique("taken");
    storage.ensureAccount(mine);
    storage.ensureAccount(theirs);
    storage.ensureBucket(theirs, bucket, null);

    assertThatThrownBy(() -> storage.ensureBucket(mine, bucket, null))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("'" + bucket + "' already exists in another object-store account")
        .hasMessageNotContaining(theirs)
        .satisfies(e -> assertThat(((StorageException) e).isTransient()).isFalse());
  }

  @Test
  void aDestroyedBucketOfTheAccountIsRecovered() {
    String account = SimulatedFlashBlade.unique("recover");
    String bucket = SimulatedFlashBlade.unique("recover");
    storage.ensureAccount(account);
    storage.ensureBucket(account, bucket, null);
    storage.removeBucket(bucket, Retention.DESTROY);
    long bucketPosts = array.callCount("POST", "buckets");

    storage.ensureBucket(account, bucket, null);

    assertThat(array.buckets())
        .filteredOn(b -> b.name().equals(bucket))
        .singleElement()
        .satisfies(b -> assertThat(b.destroyed()).isFalse());
    assertThat(array.callCount("POST", "buckets")).isEqualTo(bucketPosts);
  }

  @Test
  void aDestroyedDatahubIsRecoveredAndExportedAgain() {
    String datahub = SimulatedFlashBlade.unique("hub");
    storage.ensureFileSystem(datahub, 1L << 30);
    storage.removeFileSystem(datahub, Retention.DESTROY);

    storage.ensureFileSystem(datahub, 1L << 30);

    assertThat(array.fileSystems())
        .filteredOn(f -> f.name().equals(datahub))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.destroyed()).isFalse();
              assertThat(f.nfsV3Enabled()).isTrue();
              assertThat(f.nfsV41Enabled()).isTrue();
            });
  }

  @Test
  void aUserGetsAtMostTwoKeysAndEachSecretOnce() {
    String account = SimulatedFlashBlade.unique("keys");
    storage.ensureAccount(account);
    storage.ensureUser(account, "spark");

    NewAccessKey first = storage.createAccessKey(account, "spark");
    NewAccessKey second = storage.createAccessKey(account, "spark");

    assertThat(first.secretAccessKey()).isNotBlank();
    assertThat(storage.accessKeyIds(account, "spark"))
        .containsExactlyInAnyOrder(first.accessKeyId(), second.accessKeyId())
        .isEqualTo(array.accessKeyIds(account + "/spark"));
    long keyPosts = array.callCount("POST", "object-store-access-keys");
    assertThatThrownBy(() -> storage.createAccessKey(account, "spark"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("already has 2 access keys")
        .satisfies(e -> assertThat(((StorageException) e).isTransient()).isFalse());
    assertThat(array.callCount("POST", "object-store-access-keys")).isEqualTo(keyPosts);
  }

  @Test
  void aRateLimitedKeyCreationCanBeSentAgainAndMakesOneKey() {
    String account = SimulatedFlashBlade.unique("keys");
    storage.ensureAccount(account);
    storage.ensureUser(account, "spark");
    FaultInjector.of(array).failNext(1, "POST", "/object-store-access-keys", 429);

    assertThatThrownBy(() -> storage.createAccessKey(account, "spark"))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> assertThat(e.getMessage()).doesNotContain("did not confirm"));
    NewAccessKey key = storage.createAccessKey(account, "spark");

    assertThat(array.accessKeyIds(account + "/spark")).containsExactly(key.accessKeyId());
  }

  @Test
  void aKeyCreatedDespiteAnErrorAnswerIsReportedNotDuplicated() {
    String account = SimulatedFlashBlade.unique("keys");
    storage.ensureAccount(account);
    storage.ensureUser(account, "spark");
    FaultInjector.of(array).failNextAfterApplying(1, "POST", "/object-store-access-keys", 503);

    assertThatThrownBy(() -> storage.createAccessKey(account, "spark"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("appeared; their secret is lost")
        .satisfies(e -> assertThat(((StorageException) e).isTransient()).isTrue());
    assertThat(array.accessKeyIds(account + "/spark")).hasSize(1);
  }

  @Test
  void keysOfAUserThatDoesNotExistAreNone() {
    assertThat(storage.accessKeyIds(SimulatedFlashBlade.unique("nobody"), "spark")).isEmpty();
  }

  @Test
  void bucketQuotasNeedRest28AndAreRefusedBeforeAnyCreate() {
    try (var old =
            FlashBladeSimulator.start(SimulatorSettings.inMemory().withMaxRestVersion("2.7"));
        var storageOnOld =
            new FlashBladeObjectStorage(
                SimulatedFlashBlade.properties(old), new SimpleMeterRegistry())) {
      storageOnOld.ensureAccount("old");
      storageOnOld.ensureBucket("old", "no-quota", null);

      assertThatThrownBy(() -> storageOnOld.ensureBucket("old", "with-quota", 1_000_000L))
          .hasMessageContaining("has no bucket quotas (they need 2.8)")
          .satisfies(e -> assertThat(((StorageException) e).isTransient()).isFalse());
      assertThat(old.callCount("POST", "buckets")).isEqualTo(1);
    }
  }
}
