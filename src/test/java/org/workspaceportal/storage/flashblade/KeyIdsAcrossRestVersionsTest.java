package org.workspaceportal.storage.flashblade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workspaceportal.flashbladesim.FlashBladeSimulator;
import org.workspaceportal.storage.NewAccessKey;
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
 * Against the simulator on both sides of REST 2.20, where access keys gained {@code access_key_id}:
 * the key id the portal hands the user signs S3 requests, and the portal finds and deletes its keys
 * by that id.
 */
class KeyIdsAcrossRestVersionsTest {

  private static FlashBladeSimulator arrayServing(String version) {
    return version.equals("2.17") ? SimulatedFlashBlade.shared() : SimulatedFlashBlade.newest();
  }

  @ParameterizedTest(name = "REST {0}")
  @ValueSource(strings = {"2.17", "2.26"})
  void theDeliveredKeyIdWorksOverS3AndIdentifiesTheKeyForDeletion(String version) {
    FlashBladeSimulator array = arrayServing(version);
    String account = SimulatedFlashBlade.unique("kid");
    String bucket = SimulatedFlashBlade.unique("kid");
    array.clearCalls();
    try (var storage = SimulatedFlashBlade.adapter(array)) {
      storage.ensureAccount(account);
      storage.ensureUser(account, "spark");
      storage.ensureBucket(account, bucket, null);

      NewAccessKey key = storage.createAccessKey(account, "spark");

      assertThat(array.calls())
          .filteredOn(call -> call.resource().equals("object-store-access-keys"))
          .isNotEmpty()
          .allSatisfy(call -> assertThat(call.path()).startsWith("/api/" + version + "/"));
      assertThat(key.accessKeyId()).matches("PSFB[A-Z]{36}");
      assertThat(storage.accessKeyIds(account, "spark")).containsExactly(key.accessKeyId());
      try (S3Client s3 = s3(array.s3Endpoint(), key)) {
        s3.putObject(b -> b.bucket(bucket).key("hello.txt"), RequestBody.fromString("hi"));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("hello.txt")).asUtf8String())
            .isEqualTo("hi");

        storage.deleteAccessKey(key.accessKeyId());
        storage.deleteAccessKey(key.accessKeyId());

        assertThat(array.accessKeyIds(account + "/spark")).isEmpty();
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("hello.txt")))
            .isInstanceOfSatisfying(
                S3Exception.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId"));
      }
    }
  }

  private static S3Client s3(URI endpoint, NewAccessKey key) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
