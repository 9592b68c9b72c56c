package org.workspaceportal.flashbladesim;

import java.util.HashMap;
import java.util.Map;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;

/**
 * Bytes stored in each bucket's container, for hard quotas and the management API's {@code space}.
 * A bucket is counted from the blob store when its container is opened (at start, from what a data
 * dir kept, and when a bucket is created); from then on every S3 write and delete adds what it
 * changed, so summing blob sizes on every write is not needed. The parts of open multipart uploads
 * are blobs of the container too (jclouds' local stores keep them there) and count like objects.
 *
 * <p>A write first reserves the bytes it may add, checked against the quotas together with what the
 * bucket holds and what writes in flight have reserved, and settles the reservation with the change
 * it really made when it ends. The body streams in between without any lock held here, so two
 * parallel writes can never both pass when together they exceed a quota, and parallel uploads into
 * one bucket still run in parallel.
 */
final class BucketUsage {

  private final BlobStore blobStore;
  private final Map<String, Long> stored = new HashMap<>();
  private final Map<String, Long> reserved = new HashMap<>();

  BucketUsage(BlobStore blobStore) {
    this.blobStore = blobStore;
  }

  /**
   * Counts the bytes the container holds now. Only for a bucket no S3 write can reach yet (at
   * start, or being created), since writes in flight would be missed or counted twice.
   */
  void count(String bucket) {
    long bytes = 0;
    var options = ListContainerOptions.Builder.recursive();
    while (true) {
      PageSet<? extends StorageMetadata> page = blobStore.list(bucket, options);
      for (StorageMetadata blob : page) {
        bytes += sizeOf(blob);
      }
      if (page.getNextMarker() == null) {
        break;
      }
      options = ListContainerOptions.Builder.recursive().afterMarker(page.getNextMarker());
    }
    synchronized (this) {
      stored.put(bucket, bytes);
      reserved.remove(bucket);
    }
  }

  /** The bucket is eradicated: its container is gone. */
  synchronized void forget(String bucket) {
    stored.remove(bucket);
    reserved.remove(bucket);
  }

  /** Bytes stored in the bucket, writes in flight not included. */
  synchronized long bytes(String bucket) {
    return stored.getOrDefault(bucket, 0L);
  }

  /**
   * Reserves {@code growth} more bytes for a write into {@code quotas.bucket()}, or refuses it if
   * that would take the bucket or its account over a hard quota. Writes that add nothing always
   * pass, so a bucket over its quota (the quota was lowered) can still be cleaned up.
   *
   * @throws QuotaExceededException when the write must not happen
   */
  synchronized void reserve(HardQuotas quotas, long growth) {
    if (growth <= 0) {
      return;
    }
    String bucket = quotas.bucket();
    if (quotas.bucketLimit() != null && inUse(bucket) + growth > quotas.bucketLimit()) {
      throw QuotaExceededException.bucket(bucket, quotas.bucketLimit());
    }
    if (quotas.accountLimit() != null) {
      long account = quotas.accountBuckets().stream().mapToLong(this::inUse).sum();
      if (account + growth > quotas.accountLimit()) {
        throw QuotaExceededException.account(quotas.account(), quotas.accountLimit(), bucket);
      }
    }
    reserved.merge(bucket, growth, Long::sum);
  }

  /**
   * Ends a write: gives back what it reserved and counts the change it made, which may be negative
   * (a delete, a smaller overwrite) and which is measured in the blob store, not taken from the
   * request.
   */
  synchronized void settle(String bucket, long growthReserved, long change) {
    if (growthReserved > 0) {
      reserved.computeIfPresent(
          bucket, (b, bytes) -> bytes == growthReserved ? null : bytes - growthReserved);
    }
    // an eradicated bucket is no longer counted; a write that was in flight does not bring it back
    stored.computeIfPresent(bucket, (b, bytes) -> bytes + change);
  }

  /** A blob's size as every count here takes it: its content length, else its listed size. */
  static long sizeOf(StorageMetadata blob) {
    if (blob instanceof BlobMetadata metadata
        && metadata.getContentMetadata().getContentLength() != null) {
      return metadata.getContentMetadata().getContentLength();
    }
    return blob.getSize() == null ? 0 : blob.getSize();
  }

  private long inUse(String bucket) {
    return stored.getOrDefault(bucket, 0L) + reserved.getOrDefault(bucket, 0L);
  }
}
