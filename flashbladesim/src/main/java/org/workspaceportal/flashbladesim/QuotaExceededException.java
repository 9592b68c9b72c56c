package org.workspaceportal.flashbladesim;

/**
 * An S3 write refused because it would take a bucket, or its account, over a hard quota. Thrown by
 * the {@link QuotaEnforcingBlobStore} before anything is stored, and turned into the S3 error by
 * the {@link QuotaRefusalHandler}: S3Proxy knows no such error and passes it on.
 */
final class QuotaExceededException extends RuntimeException {

  QuotaExceededException(String message) {
    // no cause and no stack trace: S3Proxy looks for causes it knows (AuthorizationException)
    super(message, null, false, false);
  }

  static QuotaExceededException bucket(String bucket, long limit) {
    return new QuotaExceededException(
        "This write would exceed the hard quota of bucket '" + bucket + "' (" + limit + " bytes).");
  }

  static QuotaExceededException account(String account, long limit, String bucket) {
    return new QuotaExceededException(
        "This write to bucket '"
            + bucket
            + "' would exceed the hard quota of object store account '"
            + account
            + "' ("
            + limit
            + " bytes).");
  }
}
