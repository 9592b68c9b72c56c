package org.workspaceportal.storage.flashblade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.workspaceportal.flashbladesim.FlashBladeSimulator;
import org.workspaceportal.flashbladesim.SimulatedBucket;
import org.workspaceportal.flashbladesim.SimulatedFileSystem;
import org.workspaceportal.storage.Retention;

/** Against the simulator: each retention choice leaves the array in the expected state. */
class FlashBladeTeardownTest {

  private static final FlashBladeSimulator array = SimulatedFlashBlade.shared();
  private static final FlashBladeObjectStorage storage = SimulatedFlashBlade.adapter(array);

  @AfterAll
  static void close() {
    storage.close();
  }

  @Test
  void keepLeavesTheBucketLiveAndTheAccountInPlace() {
    String account = provisionedAccount();
    String bucket = bucketIn(account);

    storage.removeBucket(bucket, Retention.KEEP);
    storage.removeUser(account, "spark");

    assertThat(bucket(bucket).destroyed()).isFalse();
    assertThat(storage.removeAccountIfEmpty(account)).isFalse();
    assertThat(array.accounts()).anyMatch(a -> a.name().equals(account));
  }

  @Test
  void destroyLeavesARecoverableBucketThatStillHoldsTheAccount() {
    String account = provisionedAccount();
    String bucket = bucketIn(account);

    storage.removeBucket(bucket, Retention.DESTROY);
    storage.removeBucket(bucket, Retention.DESTROY);
    storage.removeUser(account, "spark");

    assertThat(bucket(bucket).destroyed()).isTrue();
    assertThat(storage.removeAccountIfEmpty(account)).isFalse();
    assertThat(array.accounts()).anyMatch(a -> a.name().equals(account));
  }

  @Test
  void eradicateRemovesTheBucketSoTheAccountCanGo() {
    String account = provisionedAccount();
    String bucket = bucketIn(account);

    storage.removeBucket(bucket, Retention.ERADICATE);
    storage.removeUser(account, "spark");

    assertThat(array.buckets()).noneMatch(b -> b.name().equals(bucket));
    assertThat(storage.removeAccountIfEmpty(account)).isTrue();
    assertThat(array.accounts()).noneMatch(a -> a.name().equals(account));
  }

  @Test
  void eradicatingAnAlreadyDestroyedBucketFinishesTheJob() {
    String account = provisionedAccount();
    String bucket = bucketIn(account);
    storage.removeBucket(bucket, Retention.DESTROY);

    storage.removeBucket(bucket, Retention.ERADICATE);

    assertThat(array.buckets()).noneMatch(b -> b.name().equals(bucket));
  }

  @Test
  void removingTheUserDeletesItsKeysFirst() {
    String account = provisionedAccount();
    storage.createAccessKey(account, "spark");
    storage.createAccessKey(account, "spark");

    storage.removeUser(account, "spark");

    assertThat(array.users()).noneMatch(u -> u.name().equals(account + "/spark"));
    assertThat(array.accessKeyIds(account + "/spark")).isEmpty();
  }

  @Test
  void removingWhatIsAlreadyGoneIsDone() {
    String account = SimulatedFlashBlade.unique("gone");

    storage.removeBucket(SimulatedFlashBlade.unique("gone"), Retention.ERADICATE);
    storage.removeFileSystem(SimulatedFlashBlade.unique("gone"), Retention.ERADICATE);
    storage.removeUser(account, "spark");
    storage.deleteAccessKey("PSFBNOSUCHKEY");

    assertThat(storage.removeAccountIfEmpty(account)).isTrue();
  }

  @Test
  void fileSystemsFollowTheSameRetentionAndStopExportingWhenDestroyed() {
    String kept = SimulatedFlashBlade.unique("hub");
    String destroyed = SimulatedFlashBlade.unique("hub");
    String eradicated = SimulatedFlashBlade.unique("hub");
    for (String name : new String[] {kept, destroyed, eradicated}) {
      storage.ensureFileSystem(name, 0);
    }

    storage.removeFileSystem(kept, Retention.KEEP);
    storage.removeFileSystem(destroyed, Retention.DESTROY);
    storage.removeFileSystem(eradicated, Retention.ERADICATE);

    assertThat(fileSystem(kept))
        .satisfies(
            f -> {
              assertThat(f.destroyed()).isFalse();
              assertThat(f.nfsV3Enabled()).isTrue();
              assertThat(f.provisioned()).isEqualTo(1L << 40);
            });
    assertThat(fileSystem(destroyed))
        .satisfies(
            f -> {
              assertThat(f.destroyed()).isTrue();
              assertThat(f.nfsV3Enabled()).isFalse();
              assertThat(f.nfsV41Enabled()).isFalse();
            });
    assertThat(array.fileSystems()).noneMatch(f -> f.name().equals(eradicated));
  }

  private static String provisionedAccount() {
    String account = SimulatedFlashBlade.unique("down");
    storage.ensureAccount(account);
    storage.ensureUser(account, "spark");
    return account;
  }

  private static String bucketIn(String account) {
    String bucket = SimulatedFlashBlade.unique("down");
    storage.ensureBucket(account, bucket, null);
    return bucket;
  }

  private static SimulatedBucket bucket(String name) {
    return array.buckets().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
  }

  private static SimulatedFileSystem fileSystem(String name) {
    return array.fileSystems().stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
