package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 data plane enforces the access policies of the key's user: each S3 call needs its policy
 * (or full-access), and without it the answer is 403 AccessDenied.
 */
class S3AccessPolicyTest {

  /**
   * What the portal grants a workspace's user: everything on objects, nothing on buckets but info.
   */
  private static final List<String> OBJECTS_ONLY =
      List.of("object-list", "object-read", "object-write", "object-delete", "bucket-info");

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

  /** The error of a call that must fail. */
  private static S3Exception s3Error(Runnable call) {
    try {
      call.run();
    } catch (S3Exception e) {
      return e;
    }
    throw new AssertionError("expected an S3 error");
  }

  private static void assertDenied(Runnable call) {
    S3Exception e = s3Error(call);
    assertThat(e.statusCode()).isEqualTo(403);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
  }

  @Test
  void aKeyWithTheObjectPoliciesWorksOnItsBucketAndIsRefusedBucketCreateAndDelete() {
    var tenant = SimulatorFixtures.tenant(api, OBJECTS_ONLY);
    S3Client s3 = s3(tenant);
    String bucket = tenant.bucket();
    String fresh = SimulatorFixtures.unique("second");

    put(s3, bucket, "in/a.csv", "a");
    s3.copyObject(
        b ->
            b.sourceBucket(bucket)
                .sourceKey("in/a.csv")
                .destinationBucket(bucket)
                .destinationKey("out/a.csv"));
    var listed = s3.listObjectsV2(b -> b.bucket(bucket)).contents();
    String copied = get(s3, bucket, "out/a.csv");
    long length = s3.headObject(b -> b.bucket(bucket).key("in/a.csv")).contentLength();
    s3.headBucket(b -> b.bucket(bucket));
    s3.getBucketLocation(b -> b.bucket(bucket));
    s3.deleteObjects(
        b ->
            b.bucket(bucket)
                .delete(
                    d ->
                        d.objects(
                            ObjectIdentifier.builder().key("in/a.csv").build(),
                            ObjectIdentifier.builder().key("out/a.csv").build())));

    assertThat(listed).extracting(S3Object::key).containsExactly("in/a.csv", "out/a.csv");
    assertThat(copied).isEqualTo("a");
    assertThat(length).isEqualTo(1);
    assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty();
    assertDenied(() -> s3.createBucket(b -> b.bucket(fresh)));
    assertDenied(() -> s3.deleteBucket(b -> b.bucket(bucket)));
    assertDenied(s3::listBuckets);
    assertThat(simulator.buckets())
        .filteredOn(b -> b.account().equals(tenant.account()))
        .containsExactly(new SimulatedBucket(bucket, tenant.account(), false));
  }

  @Test
  void multipartUploadsNeedObjectWriteOnly() {
    var tenant = SimulatorFixtures.tenant(api, List.of("object-write"));
    S3Client s3 = s3(tenant);
    String bucket = tenant.bucket();
    byte[] part = new byte[5 * 1024 * 1024];

    String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("big.bin")).uploadId();
    String etag =
        s3.uploadPart(
                b -> b.bucket(bucket).key("big.bin").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(part))
            .eTag();
    var parts = s3.listParts(b -> b.bucket(bucket).key("big.bin").uploadId(uploadId)).parts();
    s3.completeMultipartUpload(
        b ->
            b.bucket(bucket)
                .key("big.bin")
                .uploadId(uploadId)
                .multipartUpload(
                    u -> u.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
    String abandoned = s3.createMultipartUpload(b -> b.bucket(bucket).key("gone.bin")).uploadId();
    s3.abortMultipartUpload(b -> b.bucket(bucket).key("gone.bin").uploadId(abandoned));

    assertThat(parts).hasSize(1);
    assertDenied(() -> get(s3, bucket, "big.bin"));
    // a HEAD answer has no body, so no error code either: the status says it
    assertThat(s3Error(() -> s3.headObject(b -> b.bucket(bucket).key("big.bin"))).statusCode())
        .isEqualTo(403);
    assertDenied(() -> s3.listMultipartUploads(b -> b.bucket(bucket)));
  }

  @Test
  void eachCallNeedsItsOwnPolicy() {
    record Case(
        String policy,
        BiConsumer<S3Client, String> allowed,
        BiConsumer<S3Client, String> refused) {}
    String fresh = SimulatorFixtures.unique("made");
    List<Case> cases =
        List.of(
            new Case("object-read", (s, b) -> get(s, b, "seed"), (s, b) -> put(s, b, "x", "x")),
            new Case("object-write", (s, b) -> put(s, b, "x", "x"), (s, b) -> get(s, b, "seed")),
            new Case(
                "object-list",
                (s, b) -> s.listObjectsV2(r -> r.bucket(b)),
                (s, b) -> s.deleteObject(r -> r.bucket(b).key("seed"))),
            new Case(
                "object-delete",
                (s, b) -> s.deleteObject(r -> r.bucket(b).key("seed")),
                (s, b) -> s.listObjectsV2(r -> r.bucket(b))),
            new Case(
                "bucket-info",
                (s, b) -> s.getBucketLocation(r -> r.bucket(b)),
                (s, b) -> s.listObjectsV2(r -> r.bucket(b))),
            new Case(
                "bucket-list",
                (s, b) -> s.listBuckets(),
                (s, b) -> s.getBucketLocation(r -> r.bucket(b))),
            new Case(
                "bucket-create",
                (s, b) -> s.createBucket(r -> r.bucket(fresh)),
                (s, b) -> s.getBucketLocation(r -> r.bucket(b))),
            new Case(
                "bucket-delete",
                (s, b) -> s.deleteBucket(r -> r.bucket(b)),
                (s, b) -> s.createBucket(r -> r.bucket(fresh + "-no"))));

    for (Case c : cases) {
      var tenant = SimulatorFixtures.tenant(api, List.of(c.policy()));
      if (!c.policy().equals("bucket-delete")) {
        seed(tenant);
      }
      S3Client s3 = s3(tenant);

      c.allowed().accept(s3, tenant.bucket());
      assertThat(s3Error(() -> c.refused().accept(s3, tenant.bucket())))
          .as("%s without its policy, for a user holding only %s", "the refused call", c.policy())
          .satisfies(
              e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
              });
    }
    assertThat(simulator.buckets()).extracting(SimulatedBucket::name).contains(fresh);
  }

  @Test
  void getBucketLocationAnswersOnlyForTheKeysOwnExistingBucket() {
    var tenant = SimulatorFixtures.tenant(api, List.of("bucket-info"));
    var other = SimulatorFixtures.tenant(api);
    S3Client s3 = s3(tenant);

    var own = s3.getBucketLocation(b -> b.bucket(tenant.bucket()));
    var foreign = s3Error(() -> s3.getBucketLocation(b -> b.bucket(other.bucket())));
    var missing =
        s3Error(() -> s3.getBucketLocation(b -> b.bucket(SimulatorFixtures.unique("none"))));

    assertThat(own.locationConstraintAsString()).isEmpty();
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket");
  }

  @Test
  void theSignatureIsCheckedBeforeThePolicies() {
    var tenant = SimulatorFixtures.tenant(api, List.of());
    String secret = tenant.secret();
    String wrong = (secret.charAt(0) == 'x' ? "y" : "x") + secret.substring(1);
    S3Client forger = s3(tenant.accessKeyId(), wrong);

    var list = s3Error(() -> forger.listObjectsV2(b -> b.bucket(tenant.bucket())));
    var location = s3Error(() -> forger.getBucketLocation(b -> b.bucket(tenant.bucket())));

    assertThat(list.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
    assertThat(location.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
    assertDenied(() -> s3(tenant).listObjectsV2(b -> b.bucket(tenant.bucket())));
  }

  @Test
  void grantsAndRevocationsTakeEffectAtOnce() {
    var tenant = SimulatorFixtures.tenant(api);
    S3Client s3 = s3(tenant);
    put(s3, tenant.bucket(), "before", "full access");
    String memberships =
        "/object-store-access-policies/object-store-users?member_names=" + tenant.user();

    api.delete(memberships + "&policy_names=pure:policy/full-access");
    var revoked = s3Error(() -> put(s3, tenant.bucket(), "after", "x"));
    api.post(memberships + "&policy_names=pure:policy/object-write", null);
    put(s3, tenant.bucket(), "after", "object-write");

    assertThat(revoked.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertDenied(() -> get(s3, tenant.bucket(), "before"));
    assertDenied(() -> s3.createBucket(b -> b.bucket(SimulatorFixtures.unique("late"))));
  }

  /**
   * Puts object {@code seed} into the tenant's bucket with a full-access user of the same account:
   * the tenant's own key may not be allowed to write it.
   */
  private void seed(SimulatorFixtures.Tenant tenant) {
    String helper = tenant.account() + "/seeder";
    api.post("/object-store-users?names=" + helper + "&full_access=true", null);
    var key =
        api.post("/object-store-access-keys", "{\"user\":{\"name\":\"" + helper + "\"}}")
            .items()
            .path(0);
    put(
        s3(key.path("name").asString(), key.path("secret_access_key").asString()),
        tenant.bucket(),
        "seed",
        "s");
  }
}
