package org.workspaceportal.flashbladesim;

/** What an account may do with a bucket name on the S3 data plane. */
enum BucketAccess {
  /** A live bucket of the account itself. */
  OWN,
  /** A bucket of another account: S3 answers 403 AccessDenied. */
  FOREIGN,
  /** No such bucket, or the account's bucket is destroyed: S3 answers 404 NoSuchBucket. */
  NONE
}
