package org.workspaceportal.flashbladesim;

import org.jclouds.blobstore.BlobStore;

/** The containers in the backing jclouds blob store that hold each bucket's objects. */
final class BucketContainers {

  private final BlobStore blobStore;

  BucketContainers(BlobStore blobStore) {
    this.blobStore = blobStore;
  }

  BlobStore blobStore() {
    return blobStore;
  }

  void create(String bucket) {
    blobStore.createContainerInLocation(null, bucket);
  }

  /** Deletes the container with every object in it; nothing to do if it is already gone. */
  void eradicate(String bucket) {
    if (blobStore.containerExists(bucket)) {
      blobStore.deleteContainer(bucket);
    }
  }

  boolean isEmpty(String bucket) {
    return objectCount(bucket) == 0;
  }

  long objectCount(String bucket) {
    return blobStore.containerExists(bucket) ? blobStore.countBlobs(bucket) : 0;
  }
}
