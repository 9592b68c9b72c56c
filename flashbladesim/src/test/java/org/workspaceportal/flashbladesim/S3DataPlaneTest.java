package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 data plane behind access keys created through the management API, driven by AWS SDK v2.
 */
class S3DataPlaneTest {

  private final FlashBladeSimulator simulator = SimulatorFixtures.shared();
  private final SimulatorClient api = SimulatorFixtures.loggedIn(simulator);
  private final List<S3Client> clients = new ArrayList<>();

  @AfterEach
  void closeClients() {
    clients.forEach(S3Client::close);
  }

  private S3Client s3(SimulatorFixtures.Tenant tenant) {
    return s3(tenant.accessKeyId(), tenant.secret());
  }

  private S3Client s3(String keyId, String secret) {
    S3Client client = S3Clients.forKey(simulator.s3Endpoint(), keyId, secret);
    clients.add(client);
    return client;
  }

  private static void put(S3Client s3, String bucket, String key, String text) {
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(text));
  }

  private static String get(S3Client s3, String bucket, String key) {
    return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
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
  void aKeyPutsListsGetsAndDeletesObjectsInItsOwnBucket() {
    var tenant = SimulatorFixtures.tenant(api);
    S3Client s3 = s3(tenant);

    put(s3, tenant.bucket(), "data/part-0000.csv", "a,b\n1,2\n");
    var listing = s3.listObjectsV2(b -> b.bucket(tenant.bucket()).prefix("data/"));
    String content = get(s3, tenant.bucket(), "data/part-0000.csv");
    s3.deleteObject(b -> b.bucket(tenant.bucket()).key("data/part-0000.csv"));

    assertThat(listing.contents()).extracting(S3Object::key).containsExactly("data/part-0000.csv");
    assertThat(content).isEqualTo("a,b\n1,2\n");
    assertThat(s3.listObjectsV2(b -> b.bucket(tenant.bucket())).contents()).isEmpty();
  }

  @Test
  void aKeyCannotListReadOrWriteAnotherAccountsBucket() {
    var a = SimulatorFixtures.tenant(api);
    var b = SimulatorFixtures.tenant(api);
    put(s3(b), b.bucket(), "secret.txt", "b's data");
    S3Client s3 = s3(a);

    var list = s3Error(() -> s3.listObjectsV2(r -> r.bucket(b.bucket())));
    var read = s3Error(() -> get(s3, b.bucket(), "secret.txt"));
    var write = s3Error(() -> put(s3, b.bucket(), "intruder.txt", "x"));
    var head = s3Error(() -> s3.headBucket(r -> r.bucket(b.bucket())));

    for (S3Exception e : new S3Exception[] {list, read, write}) {
      assertThat(e.statusCode()).isEqualTo(403);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    }
    assertThat(head.statusCode()).isEqualTo(403);
    assertThat(get(s3(b), b.bucket(), "secret.txt")).isEqualTo("b's data");
  }

  @Test
  void refusedUploadsAlwaysGetTheS3ErrorRatherThanABrokenConnection() {
    var a = SimulatorFixtures.tenant(api);
    var b = SimulatorFixtures.tenant(api);
    S3Client s3 = s3(a);
    byte[] body = {(byte) 42};

    for (int i = 0; i < 20; i++) {
      var refused =
          s3Error(
              () -> s3.putObject(r -> r.bucket(b.bucket()).key("x"), RequestBody.fromBytes(body)));
      assertThat(refused.statusCode()).isEqualTo(403);
    }
  }

  @Test
  void uploadsWithADeletedKeyAlwaysGetInvalidAccessKeyIdRatherThanABrokenConnection() {
    var tenant = SimulatorFixtures.tenant(api);
    S3Client s3 = s3(tenant);
    api.delete("/object-store-access-keys?names=" + tenant.accessKeyId());
    byte[] body = new byte[64 * 1024];

    for (int i = 0; i < 20; i++) {
      var refused =
          s3Error(
              () ->
                  s3.putObject(
                      r -> r.bucket(tenant.bucket()).key("x"), RequestBody.fromBytes(body)));
      assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId");
    }
  }

  @Test
  void listingBucketsShowsOnlyTheAccountsOwnLiveBuckets() {
    var a = SimulatorFixtures.tenant(api);
    SimulatorFixtures.tenant(api);
    String second = SimulatorFixtures.unique("bucket");
    String trashed = SimulatorFixtures.unique("bucket");
    api.post(
        "/buckets?names=" + second + "," + trashed, SimulatorFixtures.accountBody(a.account()));
    api.patch("/buckets?names=" + trashed, "{\"destroyed\":true}");

    var names = s3(a).listBuckets().buckets().stream().map(bucket -> bucket.name()).toList();

    assertThat(names).containsExactlyInAnyOrder(a.bucket(), second);
  }

  @Test
  void aDestroyedBucketIsUnreachableUntilRecoveredAndEradicationDeletesItsObjects() {
    var tenant = SimulatorFixtures.tenant(api);
    S3Client s3 = s3(tenant);
    put(s3, tenant.bucket(), "keep.txt", "kept");
    String bucket = "/buckets?names=" + tenant.bucket();

    api.patch(bucket, "{\"destroyed\":true}");
    var whileDestroyed = s3Error(() -> get(s3, tenant.bucket(), "keep.txt"));
    api.patch(bucket, "{\"destroyed\":false}");
    String afterRecovery = get(s3, tenant.bucket(), "keep.txt");
    api.patch(bucket, "{\"destroyed\":true}");
    api.delete(bucket);
    api.post(bucket, SimulatorFixtures.accountBody(tenant.account()));

    assertThat(whileDestroyed.statusCode()).isEqualTo(404);
    assertThat(whileDestroyed.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket");
    assertThat(afterRecovery).isEqualTo("kept");
    assertThat(s3.listObjectsV2(b -> b.bucket(tenant.bucket())).contents()).isEmpty();
  }

  @Test
  void aDeletedKeyStopsWorkingAndTheUsersOtherKeyKeepsWorking() {
    var tenant = SimulatorFixtures.tenant(api);
    var second =
        api.post("/object-store-access-keys", "{\"user\":{\"name\":\"" + tenant.user() + "\"}}")
            .items()
            .path(0);
    S3Client old = s3(tenant);
    put(old, tenant.bucket(), "before.txt", "x");

    api.delete("/object-store-access-keys?names=" + tenant.accessKeyId());
    var refused = s3Error(() -> get(old, tenant.bucket(), "before.txt"));
    S3Client rotated =
        s3(second.path("name").asString(), second.path("secret_access_key").asString());

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId");
    assertThat(get(rotated, tenant.bucket(), "before.txt")).isEqualTo("x");
  }

  @Test
  void aUserCreatedWithoutFullAccessHasNoS3Permissions() {
    var tenant = SimulatorFixtures.tenant(api);
    String user = tenant.account() + "/reader";
    api.post("/object-store-users?names=" + user, null);
    var key =
        api.post("/object-store-access-keys", "{\"user\":{\"name\":\"" + user + "\"}}")
            .items()
            .path(0);
    S3Client s3 = s3(key.path("name").asString(), key.path("secret_access_key").asString());

    var list = s3Error(() -> s3.listObjectsV2(b -> b.bucket(tenant.bucket())));
    var buckets = s3Error(s3::listBuckets);

    assertThat(list.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(buckets.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(simulator.users())
        .filteredOn(u -> u.name().equals(user))
        .singleElement()
        .extracting(SimulatedUser::fullAccess)
        .isEqualTo(false);
  }

  @Test
  void aDisabledKeyIsRefusedUntilEnabledAgain() {
    var tenant = SimulatorFixtures.tenant(api);
    S3Client s3 = s3(tenant);
    String key = "/object-store-access-keys?names=" + tenant.accessKeyId();

    api.patch(key, "{\"enabled\":false}");
    var refused = s3Error(() -> s3.listObjectsV2(b -> b.bucket(tenant.bucket())));
    api.patch(key, "{\"enabled\":true}");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(s3.listObjectsV2(b -> b.bucket(tenant.bucket())).contents()).isEmpty();
  }

  @Test
  void aWrongSecretIsASignatureMismatch() {
    var tenant = SimulatorFixtures.tenant(api);
    // a different first character: "x" + the rest was the right secret for one secret in 62
    String secret = tenant.secret();
    String wrong = (secret.charAt(0) == 'x' ? "y" : "x") + secret.substring(1);

    var refused =
        s3Error(
            () -> s3(tenant.accessKeyId(), wrong).listObjectsV2(b -> b.bucket(tenant.bucket())));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
  }

  @Test
  void anonymousRequestsAreDenied() throws Exception {
    var tenant = SimulatorFixtures.tenant(api);
    put(s3(tenant), tenant.bucket(), "public?.txt", "no");
    var http = HttpClient.newHttpClient();

    var response =
        http.send(
            HttpRequest.newBuilder(simulator.s3Endpoint().resolve("/" + tenant.bucket() + "/"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("AccessDenied");
  }

  @Test
  void multipartUploadsWork() {
    var tenant = SimulatorFixtures.tenant(api);
    S3Client s3 = s3(tenant);
    byte[] part = new byte[5 * 1024 * 1024];
    Arrays.fill(part, (byte) 'p');

    String uploadId =
        s3.createMultipartUpload(b -> b.bucket(tenant.bucket()).key("big.bin")).uploadId();
    var etags = new ArrayList<CompletedPart>();
    for (int number = 1; number <= 2; number++) {
      int n = number;
      String etag =
          s3.uploadPart(
                  b -> b.bucket(tenant.bucket()).key("big.bin").uploadId(uploadId).partNumber(n),
                  RequestBody.fromBytes(part))
              .eTag();
      etags.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
    }
    s3.completeMultipartUpload(
        b ->
            b.bucket(tenant.bucket())
                .key("big.bin")
                .uploadId(uploadId)
                .multipartUpload(u -> u.parts(etags)));

    assertThat(s3.headObject(b -> b.bucket(tenant.bucket()).key("big.bin")).contentLength())
        .isEqualTo(2L * part.length);
  }

  @Test
  void s3CreateBucketBelongsToTheCallersAccountAndTakenNamesAreRefused() {
    var a = SimulatorFixtures.tenant(api);
    var b = SimulatorFixtures.tenant(api);
    String fresh = SimulatorFixtures.unique("s3made");

    s3(a).createBucket(r -> r.bucket(fresh));
    var taken = s3Error(() -> s3(a).createBucket(r -> r.bucket(b.bucket())));

    assertThat(simulator.buckets()).contains(new SimulatedBucket(fresh, a.account(), false));
    assertThat(
            api.get("/buckets?names=" + fresh)
                .items()
                .path(0)
                .path("account")
                .path("name")
                .asString())
        .isEqualTo(a.account());
    // S3Proxy answers BucketAlreadyExists with 403 where AWS uses 409; clients go by the error code
    assertThat(taken.awsErrorDetails().errorCode()).isEqualTo("BucketAlreadyExists");
  }

  @Test
  void s3DeleteBucketMovesAnEmptyBucketToTheTrash() {
    var tenant = SimulatorFixtures.tenant(api);
    S3Client s3 = s3(tenant);
    put(s3, tenant.bucket(), "x", "x");

    var notEmpty = s3Error(() -> s3.deleteBucket(r -> r.bucket(tenant.bucket())));
    s3.deleteObject(r -> r.bucket(tenant.bucket()).key("x"));
    s3.deleteBucket(r -> r.bucket(tenant.bucket()));

    assertThat(notEmpty.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
    assertThat(simulator.buckets())
        .contains(new SimulatedBucket(tenant.bucket(), tenant.account(), true));
    assertThatThrownBy(() -> s3.headBucket(r -> r.bucket(tenant.bucket())))
        .isInstanceOf(software.amazon.awssdk.services.s3.model.NoSuchBucketException.class);
  }

  @Test
  void objectCountsAppearInTheManagementApi() {
    var tenant = SimulatorFixtures.tenant(api);
    S3Client s3 = s3(tenant);
    put(s3, tenant.bucket(), "one", "1");
    put(s3, tenant.bucket(), "two", "2");

    var bucket = api.get("/buckets?names=" + tenant.bucket()).items().path(0);
    var account = api.get("/object-store-accounts?names=" + tenant.account()).items().path(0);

    assertThat(bucket.path("object_count").asLong()).isEqualTo(2);
    assertThat(account.path("object_count").asLong()).isEqualTo(2);
  }
}
