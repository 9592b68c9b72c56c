package org.workspaceportal.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.workspaceportal.storage.BucketFiles;
import org.workspaceportal.storage.StorageException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * {@link BucketFiles} with the AWS SDK v2, path-style against the data endpoint like Spark's S3A.
 * An object up to {@link #PART_SIZE} is one put; a larger one a multipart upload of parts of that
 * size, read one after the other from the stream and put a few at once (so a file of gigabytes
 * needs a few parts' memory), and aborted when a part fails so that no half-made upload stays in
 * the bucket.
 */
@Component
class S3BucketFiles implements BucketFiles {

  /** The size of a part of a multipart upload (S3's smallest is 5 MiB). */
  static final int PART_SIZE = 16 * 1024 * 1024;

  /** How many parts of one object are put at once. */
  static final int PARTS_IN_FLIGHT = 4;

  private static final Logger log = LoggerFactory.getLogger(S3BucketFiles.class);

  private final S3CheckProperties properties;

  S3BucketFiles(S3CheckProperties properties) {
    this.properties = properties;
  }

  @Override
  public Session open(URI s3Endpoint, String accessKeyId, String secretAccessKey, String bucket) {
    S3Client s3 =
        S3Client.builder()
            .endpointOverride(s3Endpoint)
            .region(Region.of(properties.region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
            .forcePathStyle(true)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(properties.connectTimeout())
                    .socketTimeout(Duration.ofSeconds(60)))
            // the SDK's standard retries (transient errors, a few times): a put or a get of the
            // same key again is harmless, and a save is long enough for a blip to happen
            .overrideConfiguration(o -> o.apiCallAttemptTimeout(Duration.ofMinutes(2)))
            .build();
    return new S3Session(s3, bucket, s3Endpoint);
  }

  private record S3Session(S3Client s3, String bucket, URI endpoint) implements Session {

    @Override
    public void put(String key, InputStream content, long size) {
      try {
        if (size <= PART_SIZE) {
          byte[] bytes = content.readNBytes((int) size);
          requireAll(key, bytes.length, size);
          call(
              "put",
              key,
              () -> s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes)));
          return;
        }
        multipart(key, content, size);
      } catch (IOException e) {
        throw new StorageException(
            "reading " + key + " to put it in the bucket: " + e.getMessage(), true);
      }
    }

    /**
     * Parts are read one after the other and put {@link #PARTS_IN_FLIGHT} at a time, so that
     * reading the next part overlaps putting the ones before (the source is a tar stream from a
     * host's engine, the sink an array over the network): at most that many parts are in memory.
     */
    private void multipart(String key, InputStream content, long size) throws IOException {
      String uploadId =
          call(
                  "start a multipart upload of",
                  key,
                  () -> s3.createMultipartUpload(b -> b.bucket(bucket).key(key)))
              .uploadId();
      Semaphore inFlight = new Semaphore(PARTS_IN_FLIGHT);
      List<Future<CompletedPart>> parts = new ArrayList<>();
      try (ExecutorService puts = Executors.newVirtualThreadPerTaskExecutor()) {
        try {
          long left = size;
          for (int number = 1; left > 0; number++) {
            int length = (int) Math.min(PART_SIZE, left);
            inFlight.acquireUninterruptibly();
            byte[] buffer;
            try {
              buffer = content.readNBytes(length);
              requireAll(key, buffer.length, length);
            } catch (IOException | RuntimeException e) {
              inFlight.release();
              throw e;
            }
            int part = number;
            parts.add(
                puts.submit(
                    () -> {
                      try {
                        String etag =
                            call(
                                    "put a part of",
                                    key,
                                    () ->
                                        s3.uploadPart(
                                            b ->
                                                b.bucket(bucket)
                                                    .key(key)
                                                    .uploadId(uploadId)
                                                    .partNumber(part)
                                                    .contentLength((long) length),
                                            RequestBody.fromBytes(buffer)))
                                .eTag();
                        return CompletedPart.builder().partNumber(part).eTag(etag).build();
                      } finally {
                        inFlight.release();
                      }
                    }));
            left -= length;
          }
          List<CompletedPart> done = new ArrayList<>();
          for (Future<CompletedPart> f : parts) {
            done.add(await(f));
          }
          call(
              "complete the multipart upload of",
              key,
              () ->
                  s3.completeMultipartUpload(
                      b ->
                          b.bucket(bucket)
                              .key(key)
                              .uploadId(uploadId)
                              .multipartUpload(m -> m.parts(done))));
        } catch (RuntimeException | IOException e) {
          parts.forEach(f -> f.cancel(true));
          abortQuietly(key, uploadId);
          throw e;
        }
      }
    }

    private static CompletedPart await(Future<CompletedPart> f) {
      try {
        return f.get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new StorageException("putting a part: " + e.getCause().getMessage(), true);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StorageException("interrupted while putting parts", true);
      }
    }

    private void abortQuietly(String key, String uploadId) {
      try {
        s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
      } catch (SdkException e) {
        log.debug("Could not abort the upload of {} in '{}': {}", key, bucket, e.getMessage());
      }
    }

    private static void requireAll(String key, long read, long expected) throws IOException {
      if (read != expected) {
        throw new IOException(key + " ended after " + read + " of " + expected + " bytes");
      }
    }

    @Override
    public Content get(String key) {
      ResponseInputStream<GetObjectResponse> in =
          call("get", key, () -> s3.getObject(b -> b.bucket(bucket).key(key)));
      return new Content(in.response().contentLength(), in);
    }

    /**
     * One call per key: a user deletes files one at a time, so there are few, and a multi-object
     * delete needs a checksum header that not every S3-compatible store accepts.
     */
    @Override
    public void delete(Collection<String> keys) {
      for (String key : keys) {
        call("delete", key, () -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
      }
    }

    @Override
    public void close() {
      s3.close();
    }

    private <T> T call(String operation, String key, java.util.function.Supplier<T> call) {
      try {
        return call.get();
      } catch (SdkException e) {
        log.debug("S3 {} {} in '{}' failed", operation, key, bucket, e);
        String reason = e.getMessage();
        boolean again = true;
        if (e instanceof AwsServiceException service) {
          String code =
              service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
          reason = (code == null ? "error" : code) + " (HTTP " + service.statusCode() + ")";
          again = S3Failures.isTransient(service.statusCode(), code);
        }
        throw new StorageException(
            "S3 could not "
                + operation
                + " "
                + key
                + " in bucket '"
                + bucket
                + "' at "
                + endpoint
                + ": "
                + reason,
            again);
      }
    }
  }
}
