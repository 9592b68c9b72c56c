package org.workspaceportal.storage.s3;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workspaceportal.storage.StorageException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns AWS SDK failures into {@link StorageException}s that name the step (put/get/delete), the S3
 * error code and the HTTP status, so that "AccessDenied" (wrong key for the bucket) reads
 * differently from "NoSuchBucket" or an unreachable endpoint. No SDK type leaves this package, not
 * even as a cause: the SDK exception is logged at DEBUG instead. The message never contains the
 * secret.
 */
final class S3Failures {

  private static final Logger log = LoggerFactory.getLogger(S3Failures.class);

  private S3Failures() {}

  static StorageException translate(
      String operation, String bucket, URI endpoint, String accessKeyId, SdkException e) {
    log.debug("S3 {} in bucket '{}' at {} failed", operation, bucket, endpoint, e);
    String prefix =
        "S3 access check could not "
            + operation
            + " an object in bucket '"
            + bucket
            + "' at "
            + endpoint
            + " with access key "
            + accessKeyId
            + ": ";
    if (e instanceof AwsServiceException service) {
      String code =
          service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      String detail =
          service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorMessage();
      int status = service.statusCode();
      String reason =
          (code == null ? "error" : code)
              + " (HTTP "
              + status
              + ")"
              + (detail == null || detail.isBlank() ? "" : ": " + detail);
      return new StorageException(prefix + reason, isTransient(status, code), null);
    }
    // Client-side: connection refused, timeout, unreadable answer. The data VIP may come back.
    return new StorageException(prefix + e.getMessage(), true, null);
  }

  static boolean isTransient(int status, String code) {
    return status >= 500
        || status == 429
        || "SlowDown".equals(code)
        || "RequestTimeout".equals(code);
  }
}
