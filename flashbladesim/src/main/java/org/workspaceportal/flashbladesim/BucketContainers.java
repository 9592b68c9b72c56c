package org.workspaceportal.flashbladesim;

import org.jclouds.blobstore.BlobStore;

/**
 * The containers in the backing jclouds blob store that hold each bucket's objects, and the bytes
 * stored in them.
 */
final class BucketContainers {

  private final BlobStore blobStore;
  private final BucketUsage usage;

  BucketContainers(BlobStore blobStore) {
    this.blobStore = blobStore;
    this.usage = new BucketUsage(blobStore);
  }

  BlobStore blobStore() {
    return blobStore;
  }

  BucketUsage usage() {
    return usage;
  }

  /** Makes the container if it is missing and counts what it already holds (a kept data dir). */
  void create(String bucket) {
    blobStore.createContainerInLocation(null, bucket);
    usage.count(bucket);
  }

  /** Deletes the container with every object in it; nothing to do if it is already gone. */
  void eradicate(String bucket) {
    if (blobStore.containerExists(bucket)) {
      blobStore.deleteContainer(bucket);
    }
    usage.forget(bucket);
  }

  boolean isEmpty(String bucket) {
    return objectCount(bucket) == 0;
  }

  long objectCount(String bucket) {
    return blobStore.containerExists(bucket) ? blobStore.countBlobs(bucket) : 0;
  }

  long bytesStored(String bucket) {
    return usage.bytes(bucket);
  }
}
