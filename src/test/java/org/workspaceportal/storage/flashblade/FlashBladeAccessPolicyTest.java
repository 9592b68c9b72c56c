package org.workspaceportal.storage.flashblade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.workspaceportal.flashbladesim.FaultInjector;
import org.workspaceportal.flashbladesim.FlashBladeSimulator;
import org.workspaceportal.flashbladesim.SimulatedBucket;
import org.workspaceportal.flashbladesim.SimulatedUser;
import org.workspaceportal.storage.NewAccessKey;
import org.workspaceportal.storage.StorageException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Against the simulator: a workspace's user gets exactly the object policies, so its key works on
 * its bucket and cannot make or remove buckets, and granting them survives crashes and races.
 */
class FlashBladeAccessPolicyTest {

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

  private static SimulatedUser user(String account) {
    return array.users().stream()
        .filter(u -> u.name().equals(account + "/spark"))
        .findFirst()
        .orElseThrow();
  }

  private static S3Client s3(NewAccessKey key) {
    return S3Client.builder()
        .endpointOverride(array.s3Endpoint())
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
        .build();
  }

  private static S3Exception s3Error(Runnable call) {
    try {
      call.run();
    } catch (S3Exception e) {
      return e;
    }
    throw new AssertionError("expected an S3 error");
  }

  @Test
  void theUserHoldsExactlyTheObjectPoliciesAndItsKeyWorksOnItsBucketButMakesNoOther() {
    String account = SimulatedFlashBlade.unique("pol");
    String bucket = SimulatedFlashBlade.unique("pol");
    storage.ensureAccount(account);
    storage.ensureUser(account, "spark");
    storage.ensureBucket(account, bucket, null);
    NewAccessKey key = storage.createAccessKey(account, "spark");

    try (S3Client s3 = s3(key)) {
      s3.putObject(b -> b.bucket(bucket).key("data/x.csv"), RequestBody.fromString("1,2"));
      assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).hasSize(1);
      assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("data/x.csv")).asUtf8String())
          .isEqualTo("1,2");
      s3.headBucket(b -> b.bucket(bucket));
      s3.deleteObject(b -> b.bucket(bucket).key("data/x.csv"));

      String second = SimulatedFlashBlade.unique("second");
      var create = s3Error(() -> s3.createBucket(b -> b.bucket(second)));
      var delete = s3Error(() -> s3.deleteBucket(b -> b.bucket(bucket)));

      for (S3Exception refused : List.of(create, delete)) {
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
      }
    }
    assertThat(user(account).policies())
        .containsExactlyInAnyOrderElementsOf(AccessPolicies.WORKSPACE_USER);
    assertThat(user(account).fullAccess()).isFalse();
    assertThat(array.buckets())
        .filteredOn(b -> b.account().equals(account))
        .containsExactly(new SimulatedBucket(bucket, account, false));
  }

  @Test
  void aCrashBeforeTheGrantsIsRepairedByTheNextAttemptWithoutASecondUser() {
    String account = SimulatedFlashBlade.unique("pol");
    storage.ensureAccount(account);
    long userPosts = array.callCount("POST", "object-store-users");
    // the user is made, then the first grant never reaches the array, as if the portal had died
    FaultInjector.of(array).failNext(1, "POST", "/" + MEMBERSHIPS, 503);

    assertThatThrownBy(() -> storage.ensureUser(account, "spark"))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.isTransient()).isTrue());
    assertThat(user(account).policies()).isEmpty();
    storage.ensureUser(account, "spark");

    assertThat(array.callCount("POST", "object-store-users")).isEqualTo(userPosts + 1);
    assertThat(user(account).policies())
        .containsExactlyInAnyOrderElementsOf(AccessPolicies.WORKSPACE_USER);
  }

  @Test
  void aGrantWhoseAnswerWasLostIsFoundAndNotSentAgain() {
    String account = SimulatedFlashBlade.unique("pol");
    storage.ensureAccount(account);
    long grants = array.callCount("POST", MEMBERSHIPS);
    FaultInjector.of(array).failNextAfterApplying(1, "POST", "/" + MEMBERSHIPS, 503);

    assertThatThrownBy(() -> storage.ensureUser(account, "spark"))
        .isInstanceOf(StorageException.class);
    storage.ensureUser(account, "spark");
    storage.ensureUser(account, "spark");

    assertThat(array.callCount("POST", MEMBERSHIPS))
        .as("the one call that granted all of them, whose answer was lost")
        .isEqualTo(grants + 1);
    assertThat(user(account).policies())
        .containsExactlyInAnyOrderElementsOf(AccessPolicies.WORKSPACE_USER);
  }

  @Test
  void aUserWithFullAccessFromAnOlderPortalLosesItOnTheNextEnsure() {
    String account = SimulatedFlashBlade.unique("pol");
    storage.ensureAccount(account);
    storage.ensureUser(account, "spark");
    // what an older portal left: the user made with full_access=true and nothing else
    try (var older = SimulatedFlashBlade.rawApi(array)) {
      AccessPolicies.WORKSPACE_USER.forEach(policy -> revoke(older, account + "/spark", policy));
      grant(older, account + "/spark", "pure:policy/full-access");
    }
    assertThat(user(account).fullAccess()).isTrue();

    storage.ensureUser(account, "spark");

    assertThat(user(account).fullAccess()).isFalse();
    assertThat(user(account).policies())
        .containsExactlyInAnyOrderElementsOf(AccessPolicies.WORKSPACE_USER);
  }

  @Test
  void twoInstancesEnsuringTheSameUserAtOnceBothSucceed() {
    String account = SimulatedFlashBlade.unique("pol");
    storage.ensureAccount(account);

    try (var other = SimulatedFlashBlade.adapter(array)) {
      for (int round = 0; round < 5; round++) {
        var mine = CompletableFuture.runAsync(() -> storage.ensureUser(account, "spark"));
        var theirs = CompletableFuture.runAsync(() -> other.ensureUser(account, "spark"));
        CompletableFuture.allOf(mine, theirs).join();
      }
    }

    assertThat(array.users()).filteredOn(u -> u.account().equals(account)).hasSize(1);
    assertThat(user(account).policies())
        .containsExactlyInAnyOrderElementsOf(AccessPolicies.WORKSPACE_USER);
  }

  private static void grant(SimulatedFlashBlade.RawApi through, String user, String policy) {
    through
        .api()
        .post(
            MEMBERSHIPS,
            Map.of("member_names", user, "policy_names", policy),
            null,
            PolicyMemberItem.class,
            "grant " + policy);
  }

  private static void revoke(SimulatedFlashBlade.RawApi through, String user, String policy) {
    through
        .api()
        .delete(
            MEMBERSHIPS, Map.of("member_names", user, "policy_names", policy), "revoke " + policy);
  }
}
