package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 data plane enforces hard quotas: a bucket with {@code hard_limit_enabled} and a {@code
 * quota_limit}, or an account with them, refuses a write that would take it over the limit with 403
 * QuotaExceeded and stores nothing of it.
 */
class S3QuotaTest {

  private static final int KIB = 1024;
  private static final int MIB = 1024 * KIB;

  @TempDir Path dataDir;

  private final FlashBladeSimulator simulator = SimulatorFixtures.shared();
  private final SimulatorClient api = SimulatorFixtures.loggedIn(simulator);
  private final List<S3Client> clients = new ArrayList<>();

  @AfterEach
  void closeClients() {
    clients.forEach(S3Client::close);
  }

  private S3Client s3(FlashBladeSimulator array, SimulatorFixtures.Tenant tenant) {
    S3Client client = S3Clients.forKey(array.s3Endpoint(), tenant.accessKeyId(), tenant.secret());
    clients.add(client);
    return client;
  }

  private S3Client s3(SimulatorFixtures.Tenant tenant) {
    return s3(simulator, tenant);
  }

  /** A tenant whose bucket has this quota. */
  private static SimulatorFixtures.Tenant tenantWithQuota(
      SimulatorClient api, long limit, boolean hard) {
    var tenant = SimulatorFixtures.tenant(api);
    setQuota(api, tenant.bucket(), limit, hard);
    return tenant;
  }

  private static void setQuota(SimulatorClient api, String bucket, long limit, boolean hard) {
    var reply =
        api.patch(
            "/buckets?names=" + bucket,
            "{\"quota_limit\":\"" + limit + "\",\"hard_limit_enabled\":" + hard + "}");
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
  }

  private static void put(S3Client s3, String bucket, String key, int bytes) {
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(new byte[bytes]));
  }

  private static S3Exception s3Error(Runnable call) {
    try {
      call.run();
    } catch (S3Exception e) {
      return e;
    }
    throw new AssertionError("expected an S3 error");
  }

  private static void assertQuotaExceeded(S3Exception e, String bucket, long limit) {
    assertThat(e.statusCode()).isEqualTo(403);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("QuotaExceeded");
    assertThat(e.awsErrorDetails().errorMessage()).contains(bucket).contains(Long.toString(limit));
  }

  private static boolean exists(S3Client s3, String bucket, String key) {
    try {
      s3.headObject(b -> b.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    }
  }

  private static long spaceVirtual(SimulatorClient api, String bucket) {
    return api.get("/buckets?names=" + bucket)
        .items()
        .path(0)
        .path("space")
        .path("virtual")
        .asLong();
  }

  @Test
  void aHardLimitRefusesTheWriteThatWouldGoOverAndADeleteMakesRoomAgain() {
    var tenant = tenantWithQuota(api, MIB, true);
    S3Client s3 = s3(tenant);
    String bucket = tenant.bucket();

    put(s3, bucket, "first", 600 * KIB);
    var refused = s3Error(() -> put(s3, bucket, "second", 600 * KIB));
    boolean storedAfterRefusal = exists(s3, bucket, "second");
    long usedAfterRefusal = spaceVirtual(api, bucket);
    s3.deleteObject(b -> b.bucket(bucket).key("first"));
    put(s3, bucket, "second", 600 * KIB);

    assertQuotaExceeded(refused, bucket, MIB);
    assertThat(storedAfterRefusal).isFalse();
    assertThat(usedAfterRefusal).isEqualTo(600 * KIB);
    assertThat(exists(s3, bucket, "second")).isTrue();
    assertThat(spaceVirtual(api, bucket)).isEqualTo(600 * KIB);
  }

  @Test
  void deletingSeveralObjectsAtOnceFreesTheirSpace() {
    var tenant = tenantWithQuota(api, MIB, true);
    S3Client s3 = s3(tenant);
    String bucket = tenant.bucket();
    put(s3, bucket, "a", 400 * KIB);
    put(s3, bucket, "b", 400 * KIB);

    s3.deleteObjects(
        b ->
            b.bucket(bucket)
                .delete(
                    d ->
                        d.objects(
                            ObjectIdentifier.builder().key("a").build(),
                            ObjectIdentifier.builder().key("b").build())));
    put(s3, bucket, "c", 900 * KIB);

    assertThat(spaceVirtual(api, bucket)).isEqualTo(900 * KIB);
  }

  @Test
  void anOverwriteCountsOnlyTheDifference() {
    var tenant = tenantWithQuota(api, MIB, true);
    S3Client s3 = s3(tenant);
    String bucket = tenant.bucket();
    put(s3, bucket, "a", 600 * KIB);

    put(s3, bucket, "a", 900 * KIB); // 300 KiB more: 900 KiB in all
    var refused = s3Error(() -> put(s3, bucket, "b", 200 * KIB));
    put(s3, bucket, "a", 100 * KIB); // smaller again
    put(s3, bucket, "b", 200 * KIB);

    assertQuotaExceeded(refused, bucket, MIB);
    assertThat(spaceVirtual(api, bucket)).isEqualTo(300 * KIB);
  }

  @Test
  void aCopyIntoTheBucketCountsTheCopiedObject() {
    var tenant = tenantWithQuota(api, MIB, true);
    S3Client s3 = s3(tenant);
    String bucket = tenant.bucket();
    put(s3, bucket, "original", 600 * KIB);

    var refused =
        s3Error(
            () ->
                s3.copyObject(
                    b ->
                        b.sourceBucket(bucket)
                            .sourceKey("original")
                            .destinationBucket(bucket)
                            .destinationKey("copy")));

    assertQuotaExceeded(refused, bucket, MIB);
    assertThat(exists(s3, bucket, "copy")).isFalse();
    assertThat(spaceVirtual(api, bucket)).isEqualTo(600 * KIB);
  }

  @Test
  void aMultipartUploadIsRefusedThePartThatGoesOverAndCompletesWithinTheLimit() {
    long limit = 8L * MIB;
    var tenant = tenantWithQuota(api, limit, true);
    S3Client s3 = s3(tenant);
    String bucket = tenant.bucket();
    byte[] part = new byte[5 * MIB];
    String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("big.bin")).uploadId();

    String etag = "";
    for (int attempt = 0; attempt < 2; attempt++) { // a part sent again replaces the first one
      etag =
          s3.uploadPart(
                  b -> b.bucket(bucket).key("big.bin").uploadId(uploadId).partNumber(1),
                  RequestBody.fromBytes(part))
              .eTag();
    }
    var refused =
        s3Error(
            () ->
                s3.uploadPart(
                    b -> b.bucket(bucket).key("big.bin").uploadId(uploadId).partNumber(2),
                    RequestBody.fromBytes(part)));
    String firstPart = etag;
    s3.completeMultipartUpload(
        b ->
            b.bucket(bucket)
                .key("big.bin")
                .uploadId(uploadId)
                .multipartUpload(
                    u -> u.parts(CompletedPart.builder().partNumber(1).eTag(firstPart).build())));

    assertQuotaExceeded(refused, bucket, limit);
    assertThat(s3.headObject(b -> b.bucket(bucket).key("big.bin")).contentLength())
        .isEqualTo(part.length);
    assertThat(spaceVirtual(api, bucket)).isEqualTo(part.length).isLessThanOrEqualTo(limit);
    assertQuotaExceeded(s3Error(() -> put(s3, bucket, "more", 4 * MIB)), bucket, limit);
  }

  @Test
  void anAbortedUploadFreesItsParts() {
    long limit = 8L * MIB;
    var tenant = tenantWithQuota(api, limit, true);
    S3Client s3 = s3(tenant);
    String bucket = tenant.bucket();
    String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("big.bin")).uploadId();
    s3.uploadPart(
        b -> b.bucket(bucket).key("big.bin").uploadId(uploadId).partNumber(1),
        RequestBody.fromBytes(new byte[5 * MIB]));

    var refused = s3Error(() -> put(s3, bucket, "other", 4 * MIB));
    s3.abortMultipartUpload(b -> b.bucket(bucket).key("big.bin").uploadId(uploadId));
    put(s3, bucket, "other", 4 * MIB);

    assertQuotaExceeded(refused, bucket, limit);
    assertThat(spaceVirtual(api, bucket)).isEqualTo(4 * MIB);
  }

  @Test
  void aSoftLimitIsNotEnforced() {
    var tenant = tenantWithQuota(api, MIB, false);
    S3Client s3 = s3(tenant);

    put(s3, tenant.bucket(), "first", 600 * KIB);
    put(s3, tenant.bucket(), "second", 600 * KIB);

    assertThat(spaceVirtual(api, tenant.bucket())).isEqualTo(1200 * KIB);
  }

  @Test
  void raisingTheLimitLetsTheWriteThrough() {
    var tenant = tenantWithQuota(api, MIB, true);
    S3Client s3 = s3(tenant);
    put(s3, tenant.bucket(), "first", 600 * KIB);
    var refused = s3Error(() -> put(s3, tenant.bucket(), "second", 600 * KIB));

    setQuota(api, tenant.bucket(), 2L * MIB, true);
    put(s3, tenant.bucket(), "second", 600 * KIB);

    assertQuotaExceeded(refused, tenant.bucket(), MIB);
    assertThat(exists(s3, tenant.bucket(), "second")).isTrue();
  }

  @Test
  void ofTwoParallelWritesThatTogetherGoOverExactlyOneSucceeds() throws Exception {
    var tenant = tenantWithQuota(api, MIB, true);
    S3Client first = s3(tenant);
    S3Client second = s3(tenant);
    var start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> outcomes = new ArrayList<>();
      for (var client : List.of(first, second)) {
        String key = client == first ? "one" : "two";
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    put(client, tenant.bucket(), key, 600 * KIB);
                    return "stored";
                  } catch (S3Exception e) {
                    return e.awsErrorDetails().errorCode();
                  }
                }));
      }
      start.countDown();

      List<String> results = new ArrayList<>();
      for (var outcome : outcomes) {
        results.add(outcome.get());
      }
      assertThat(results).containsExactlyInAnyOrder("stored", "QuotaExceeded");
      assertThat(spaceVirtual(api, tenant.bucket())).isEqualTo(600 * KIB);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anAccountsHardLimitCoversAllItsBuckets() {
    String account = SimulatorFixtures.unique("acct");
    String user = account + "/spark";
    String one = SimulatorFixtures.unique("bucket");
    String two = SimulatorFixtures.unique("bucket");
    api.post(
        "/object-store-accounts?names=" + account,
        "{\"quota_limit\":\"" + MIB + "\",\"hard_limit_enabled\":true}");
    api.post("/object-store-users?names=" + user + "&full_access=true", null);
    var key =
        api.post("/object-store-access-keys", "{\"user\":{\"name\":\"" + user + "\"}}")
            .items()
            .path(0);
    api.post("/buckets?names=" + one + "," + two, SimulatorFixtures.accountBody(account));
    var tenant =
        new SimulatorFixtures.Tenant(
            account,
            user,
            key.path("name").asString(),
            key.path("secret_access_key").asString(),
            one);
    S3Client s3 = s3(tenant);

    put(s3, one, "a", 600 * KIB);
    var refused = s3Error(() -> put(s3, two, "b", 600 * KIB));
    put(s3, two, "b", 400 * KIB);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("QuotaExceeded");
    assertThat(refused.awsErrorDetails().errorMessage())
        .contains(account)
        .contains(two)
        .contains(Long.toString(MIB));
    assertThat(
            api.get("/object-store-accounts?names=" + account)
                .items()
                .path(0)
                .path("space")
                .path("virtual")
                .asLong())
        .isEqualTo(1000 * KIB);
  }

  @Test
  void usageSurvivesARestart() {
    SimulatorFixtures.Tenant tenant;
    try (var first = FlashBladeSimulator.start(SimulatorSettings.persistent(dataDir))) {
      var firstApi = SimulatorFixtures.loggedIn(first);
      tenant = tenantWithQuota(firstApi, MIB, true);
      put(s3(first, tenant), tenant.bucket(), "kept", 600 * KIB);
    }

    try (var second = FlashBladeSimulator.start(SimulatorSettings.persistent(dataDir))) {
      var secondApi = SimulatorFixtures.loggedIn(second);
      S3Client s3 = s3(second, tenant);

      var refused = s3Error(() -> put(s3, tenant.bucket(), "more", 600 * KIB));

      assertQuotaExceeded(refused, tenant.bucket(), MIB);
      assertThat(spaceVirtual(secondApi, tenant.bucket())).isEqualTo(600 * KIB);
      put(s3, tenant.bucket(), "less", 400 * KIB);
      assertThat(spaceVirtual(secondApi, tenant.bucket())).isEqualTo(1000 * KIB);
    }
  }

  @Test
  void theUploadedPartsOfAnOpenUploadStillCountAfterARestart() {
    long limit = 8L * MIB;
    SimulatorFixtures.Tenant tenant;
    String uploadId;
    String etag;
    try (var first = FlashBladeSimulator.start(SimulatorSettings.persistent(dataDir))) {
      tenant = tenantWithQuota(SimulatorFixtures.loggedIn(first), limit, true);
      S3Client s3 = s3(first, tenant);
      uploadId = s3.createMultipartUpload(b -> b.bucket(tenant.bucket()).key("big")).uploadId();
      etag =
          s3.uploadPart(
                  b -> b.bucket(tenant.bucket()).key("big").uploadId(uploadId).partNumber(1),
                  RequestBody.fromBytes(new byte[5 * MIB]))
              .eTag();
    }

    try (var second = FlashBladeSimulator.start(SimulatorSettings.persistent(dataDir))) {
      var secondApi = SimulatorFixtures.loggedIn(second);
      S3Client s3 = s3(second, tenant);
      long counted = spaceVirtual(secondApi, tenant.bucket());

      var refused = s3Error(() -> put(s3, tenant.bucket(), "more", 4 * MIB));
      s3.completeMultipartUpload(
          b ->
              b.bucket(tenant.bucket())
                  .key("big")
                  .uploadId(uploadId)
                  .multipartUpload(
                      u -> u.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));

      assertThat(counted).isEqualTo(5 * MIB);
      assertQuotaExceeded(refused, tenant.bucket(), limit);
      assertThat(spaceVirtual(secondApi, tenant.bucket())).isEqualTo(5 * MIB);
    }
  }
}
