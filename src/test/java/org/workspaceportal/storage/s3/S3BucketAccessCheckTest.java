package org.workspaceportal.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.workspaceportal.flashbladesim.FlashBladeSimulator;
import org.workspaceportal.storage.NewAccessKey;
import org.workspaceportal.storage.ObjectStorage;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.storage.StorageException;
import org.workspaceportal.storage.flashblade.SimulatedFlashBlade;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Against the simulator's S3 data plane, with keys made through the FlashBlade adapter. */
class S3BucketAccessCheckTest {

  private final FlashBladeSimulator array = SimulatedFlashBlade.shared();
  private final ObjectStorage storage = SimulatedFlashBlade.sharedStorage();
  private final S3BucketAccessCheck check =
      new S3BucketAccessCheck(
          new S3CheckProperties(
              "us-east-1", Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10)));

  @Test
  void aKeyOnItsOwnBucketPassesAndLeavesNothingBehind() {
    Workspace ws = provision();

    check.verify(array.s3Endpoint(), ws.key(), ws.bucket());

    try (S3Client s3 = client(ws.key())) {
      assertThat(s3.listObjectsV2(b -> b.bucket(ws.bucket())).contents()).isEmpty();
    }
  }

  @Test
  void aKeyOfOneAccountIsDeniedOnAnotherAccountsBucket() {
    Workspace a = provision();
    Workspace b = provision();

    assertThatThrownBy(() -> check.verify(array.s3Endpoint(), a.key(), b.bucket()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("could not put an object in bucket '" + b.bucket() + "'")
        .hasMessageContaining("AccessDenied (HTTP 403)")
        .hasMessageContaining(a.key().accessKeyId())
        .hasMessageNotContaining(a.key().secretAccessKey())
        .satisfies(e -> assertThat(((StorageException) e).isTransient()).isFalse())
        .satisfies(e -> assertThat(e.getCause()).isNull());
  }

  @Test
  void oneCheckServesKeyAfterKeyEachWithItsOwnCredentials() {
    Workspace a = provision();
    Workspace b = provision();

    check.verify(array.s3Endpoint(), a.key(), a.bucket());
    assertThatThrownBy(() -> check.verify(array.s3Endpoint(), a.key(), b.bucket()))
        .hasMessageContaining("AccessDenied (HTTP 403)");
    check.verify(array.s3Endpoint(), b.key(), b.bucket());
    assertThatThrownBy(() -> check.verify(array.s3Endpoint(), b.key(), a.bucket()))
        .hasMessageContaining("AccessDenied (HTTP 403)");
  }

  @Test
  void aMissingBucketIsNamedAsSuch() {
    Workspace ws = provision();
    storage.removeBucket(ws.bucket(), Retention.ERADICATE);

    assertThatThrownBy(() -> check.verify(array.s3Endpoint(), ws.key(), ws.bucket()))
        .hasMessageContaining("could not put")
        .hasMessageContaining("NoSuchBucket (HTTP 404)")
        .satisfies(e -> assertThat(((StorageException) e).isTransient()).isFalse());
  }

  @Test
  void aDeletedKeyIsRefused() {
    Workspace ws = provision();
    storage.deleteAccessKey(ws.key().accessKeyId());

    assertThatThrownBy(() -> check.verify(array.s3Endpoint(), ws.key(), ws.bucket()))
        .hasMessageContaining("InvalidAccessKeyId (HTTP 403)")
        .satisfies(e -> assertThat(((StorageException) e).isTransient()).isFalse());
  }

  @Test
  void anEndpointThatDoesNotAnswerIsTransient() throws IOException {
    Workspace ws = provision();
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    assertThatThrownBy(
            () -> check.verify(URI.create("http://127.0.0.1:" + closedPort), ws.key(), ws.bucket()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("could not put")
        .satisfies(e -> assertThat(((StorageException) e).isTransient()).isTrue());
  }

  private record Workspace(String account, String bucket, NewAccessKey key) {}

  private Workspace provision() {
    String account = SimulatedFlashBlade.unique("s3");
    String bucket = SimulatedFlashBlade.unique("s3");
    storage.ensureAccount(account);
    storage.ensureUser(account, "spark");
    storage.ensureBucket(account, bucket, null);
    return new Workspace(account, bucket, storage.createAccessKey(account, "spark"));
  }

  private S3Client client(NewAccessKey key) {
    return S3Client.builder()
        .endpointOverride(array.s3Endpoint())
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }
}
