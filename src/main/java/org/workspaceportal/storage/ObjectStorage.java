package org.workspaceportal.storage;

import java.time.Duration;
import java.util.List;

/**
 * The storage system as the portal needs it. Every {@code ensure*} call is idempotent: it adopts
 * what already exists under that name (names are deterministic, so a retry finds what the last
 * attempt made) and creates only what is missing. Every {@code remove*} call treats "already gone"
 * as done. Failures are {@link StorageException}s saying whether a retry may help.
 */
public interface ObjectStorage {

  /** Ensures the object-store account exists. */
  void ensureAccount(String account);

  /**
   * Ensures user {@code account/user} exists and that its keys may list, read, write and delete
   * objects in the account's buckets and ask about a bucket, but not create, delete or list
   * buckets: a key that could create buckets would leave them behind when the workspace is deleted.
   */
  void ensureUser(String account, String user);

  /**
   * Ids of the access keys the user has now (at most two on FlashBlade); none if the user does not
   * exist.
   */
  List<String> accessKeyIds(String account, String user);

  /**
   * Creates a new access key. Not idempotent: the secret exists only in this response, so the
   * caller stores it before doing anything else, and never retries blindly (list first).
   */
  NewAccessKey createAccessKey(String account, String user);

  /** Deletes an access key; an unknown id is not an error. */
  void deleteAccessKey(String accessKeyId);

  /**
   * Ensures the bucket exists in the account; {@code quotaBytes} null means the adapter's
   * configured quota (none unless configured).
   */
  void ensureBucket(String account, String bucket, Long quotaBytes);

  /**
   * Ensures an NFS file system (the workspace "datahub") exists and is exported; {@code
   * provisionedBytes} 0 means the adapter's configured size.
   */
  void ensureFileSystem(String name, long provisionedBytes);

  /**
   * Applies the retention choice to a bucket: KEEP leaves it, DESTROY destroys, ERADICATE also
   * eradicates.
   */
  void removeBucket(String bucket, Retention retention);

  /** Deletes the user (its keys go with it). */
  void removeUser(String account, String user);

  /**
   * Deletes the account if it is empty. Returns false, and leaves it, if buckets remain in it
   * (which is what KEEP and DESTROY retention mean until the array eradicates them).
   */
  boolean removeAccountIfEmpty(String account);

  /** Applies the retention choice to a file system, like {@link #removeBucket}. */
  void removeFileSystem(String name, Retention retention);

  /** How a Docker host mounts a file system made with {@link #ensureFileSystem}. */
  FileSystemMount mountOf(String fileSystem);

  /** Where clients reach the data: the S3 endpoint and the NFS server address. */
  DataEndpoints endpoints();

  /**
   * How long a bucket or file system removed with DESTROY can still be recovered by a storage admin
   * before the array erases it.
   */
  Duration destroyedRecoverableFor();
}
