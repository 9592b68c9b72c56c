package org.workspaceportal.storage;

import java.net.URI;

/** Proves that a key works: with it, put, read back and delete a small object in the bucket. */
public interface BucketAccessCheck {

  /**
   * Throws a {@link StorageException} saying what failed; returns normally when all three worked.
   */
  void verify(URI s3Endpoint, NewAccessKey key, String bucket);

  /**
   * The region S3 clients sign with ({@code portal.storage.s3.region}): the check uses it, and
   * users and notebooks are given the same one.
   */
  String region();
}
