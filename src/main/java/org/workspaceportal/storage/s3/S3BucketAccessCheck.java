package org.workspaceportal.storage.s3;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.workspaceportal.storage.BucketAccessCheck;
import org.workspaceportal.storage.NewAccessKey;
import org.workspaceportal.storage.StorageException;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Proves a new key works the way Spark will use it: path-style requests to the data endpoint, with
 * the key's own credentials, put, read back and delete {@code .portal-check/<random>}. One client
 * per endpoint serves every check, each call signed with the checked key (the request's own
 * credentials; the client has none of its own, so a call without them is anonymous) instead of a
 * client built for each check (its HTTP client, signer, endpoint rules and interceptors) on the
 * path to every notebook.
 */
@Component
class S3BucketAccessCheck implements BucketAccessCheck, DisposableBean {

  static final String CHECK_PREFIX = ".portal-check/";
  private static final Logger log = LoggerFactory.getLogger(S3BucketAccessCheck.class);

  private final S3CheckProperties properties;
  private final Map<URI, S3Client> clients = new ConcurrentHashMap<>();

  S3BucketAccessCheck(S3CheckProperties properties) {
    this.properties = properties;
  }

  @Override
  public void destroy() {
    clients.values().forEach(S3Client::close);
    clients.clear();
  }

  @Override
  public String region() {
    return properties.region();
  }

  @Override
  public void verify(URI s3Endpoint, NewAccessKey key, String bucket) {
    String objectKey = CHECK_PREFIX + UUID.randomUUID();
    byte[] content =
        ("Workspace Portal access check " + objectKey).getBytes(StandardCharsets.UTF_8);
    S3Step step = new S3Step(s3Endpoint, key, bucket, objectKey);
    S3Client s3 = clients.computeIfAbsent(s3Endpoint, this::client);
    // every call signed with the checked key (the shared client has no credentials of its own)
    AwsCredentialsProvider as =
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
    Consumer<AwsRequestOverrideConfiguration.Builder> signed = o -> o.credentialsProvider(as);
    step.run(
        "put",
        () ->
            s3.putObject(
                b -> b.bucket(bucket).key(objectKey).overrideConfiguration(signed),
                RequestBody.fromBytes(content)));
    byte[] readBack =
        step.run(
            "get",
            () ->
                s3.getObjectAsBytes(
                        b -> b.bucket(bucket).key(objectKey).overrideConfiguration(signed))
                    .asByteArray());
    if (!Arrays.equals(content, readBack)) {
      deleteQuietly(s3, signed, bucket, objectKey);
      throw new StorageException(
          "S3 access check in bucket '"
              + bucket
              + "' at "
              + s3Endpoint
              + ": object "
              + objectKey
              + " read back with different content",
          false);
    }
    step.run(
        "delete",
        () -> s3.deleteObject(b -> b.bucket(bucket).key(objectKey).overrideConfiguration(signed)));
    log.debug(
        "S3 access check passed for key {} on bucket '{}' at {}",
        key.accessKeyId(),
        bucket,
        s3Endpoint);
  }

  private S3Client client(URI endpoint) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.of(properties.region()))
        .credentialsProvider(AnonymousCredentialsProvider.create())
        // Spark's S3A uses path style against FlashBlade; virtual hosts need DNS the portal cannot
        // assume.
        .forcePathStyle(true)
        // Newer SDKs add CRC checksums to every upload by default; S3-compatible stores may reject
        // them.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClientBuilder(
            UrlConnectionHttpClient.builder()
                .connectionTimeout(properties.connectTimeout())
                .socketTimeout(properties.socketTimeout()))
        // One attempt per call: the engine's step attempts are the one retry layer.
        .overrideConfiguration(
            o ->
                o.apiCallTimeout(properties.callTimeout())
                    .retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  /** The test object must not stay behind when the check fails after the put. */
  private static void deleteQuietly(
      S3Client s3,
      Consumer<AwsRequestOverrideConfiguration.Builder> signed,
      String bucket,
      String objectKey) {
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(objectKey).overrideConfiguration(signed));
    } catch (SdkException e) {
      log.debug("Could not remove {} from bucket '{}': {}", objectKey, bucket, e.getMessage());
    }
  }

  /** Runs one S3 call and names it in the failure. */
  private record S3Step(URI endpoint, NewAccessKey key, String bucket, String objectKey) {
    <T> T run(String operation, Supplier<T> call) {
      try {
        return call.get();
      } catch (SdkException e) {
        throw S3Failures.translate(
            operation, this.bucket, this.endpoint, this.key.accessKeyId(), e);
      }
    }
  }
}
