package org.workspaceportal.flashbladesim;

import java.util.List;
import java.util.function.Supplier;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.options.CopyOptions;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jclouds.io.Payload;

/**
 * The blob store as the S3 data plane writes to it: every call that changes what a bucket holds is
 * counted in the {@link BucketUsage}, and one that would take a bucket or its account over a hard
 * quota ({@code hard_limit_enabled} with a {@code quota_limit}) is refused with {@link
 * QuotaExceededException} before anything is stored. It sits below the per-key {@link
 * AccountScopedBlobStore} views and is shared by all of them, so access is checked first.
 *
 * <p>What a write adds is known before its body streams: PutObject and UploadPart declare their
 * length (S3Proxy takes {@code x-amz-decoded-content-length} for aws-chunked bodies, and jclouds'
 * local stores refuse a body of another length), a copy adds its source's size. An overwrite adds
 * the new size minus the old one; a re-uploaded part replaces the old part. Parts count as they
 * arrive, so completing an upload turns counted parts into one object of the same size and never
 * adds anything; aborting it frees its parts.
 *
 * <p>Writes to one key (or one part) take turns, so that the old size each one reads is the one it
 * replaces: a lock stripe is held from that read until the change is counted, while the body
 * streams. Writes to other keys run in parallel (unless their keys share a stripe), their quota
 * checks kept safe by the reservations of {@link BucketUsage}.
 */
final class QuotaEnforcingBlobStore extends ForwardingBlobStore {

  private static final int LOCK_STRIPES = 64;

  private final BucketUsage usage;
  private final BucketRegistry buckets;
  private final Object[] locks = new Object[LOCK_STRIPES];

  QuotaEnforcingBlobStore(BlobStore backing, BucketUsage usage, BucketRegistry buckets) {
    super(backing);
    this.usage = usage;
    this.buckets = buckets;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
  }

  @Override
  public String putBlob(String container, Blob blob) {
    return putBlob(container, blob, PutOptions.NONE);
  }

  @Override
  public String putBlob(String container, Blob blob, PutOptions options) {
    // S3Proxy always declares it; were it missing, the write would be counted but not checked
    Long length = blob.getMetadata().getContentMetadata().getContentLength();
    String name = blob.getMetadata().getName();
    return replacing(container, name, length, () -> delegate().putBlob(container, blob, options));
  }

  @Override
  public String copyBlob(
      String fromContainer,
      String fromName,
      String toContainer,
      String toName,
      CopyOptions options) {
    // a source missing here makes the copy fail with NoSuchKey below
    BlobMetadata source = delegate().blobMetadata(fromContainer, fromName);
    Long length = source == null ? null : BucketUsage.sizeOf(source);
    return replacing(
        toContainer,
        toName,
        length,
        () -> delegate().copyBlob(fromContainer, fromName, toContainer, toName, options));
  }

  @Override
  public void removeBlob(String container, String name) {
    replacing(
        container,
        name,
        0L,
        () -> {
          delegate().removeBlob(container, name);
          return null;
        });
  }

  @Override
  public void removeBlobs(String container, Iterable<String> names) {
    for (String name : names) {
      removeBlob(container, name);
    }
  }

  @Override
  public MultipartPart uploadMultipartPart(
      MultipartUpload upload, int partNumber, Payload payload) {
    String container = upload.containerName();
    Long length = payload.getContentMetadata().getContentLength();
    HardQuotas quotas = buckets.hardQuotas(container);
    synchronized (lockFor(container, upload.id() + "#" + partNumber)) {
      long before = partSize(upload, partNumber);
      long growth = length == null ? 0 : Math.max(0, length - before);
      usage.reserve(quotas, growth);
      long after = before;
      try {
        MultipartPart part = delegate().uploadMultipartPart(upload, partNumber, payload);
        after = part.partSize();
        return part;
      } finally {
        usage.settle(container, growth, after - before);
      }
    }
  }

  /**
   * S3Proxy has checked the parts against the upload's listing and passes their sizes. The object
   * is exactly as big as its parts, which jclouds' local stores delete once it is written.
   */
  @Override
  public String completeMultipartUpload(MultipartUpload upload, List<MultipartPart> parts) {
    String container = upload.containerName();
    long partBytes = parts.stream().mapToLong(p -> Math.max(0, p.partSize())).sum();
    synchronized (lockFor(container, upload.blobName())) {
      long before = currentSize(container, upload.blobName()) + partBytes;
      String eTag = delegate().completeMultipartUpload(upload, parts);
      usage.settle(container, 0, currentSize(container, upload.blobName()) - before);
      return eTag;
    }
  }

  @Override
  public void abortMultipartUpload(MultipartUpload upload) {
    String container = upload.containerName();
    synchronized (lockFor(container, upload.blobName())) {
      long before = partBytes(upload);
      try {
        delegate().abortMultipartUpload(upload);
      } finally {
        usage.settle(container, 0, partBytes(upload) - before);
      }
    }
  }

  /** S3Proxy never empties a container this way; refused so that nothing goes uncounted. */
  @Override
  public void clearContainer(String container) {
    throw new UnsupportedOperationException("not simulated");
  }

  @Override
  public void clearContainer(String container, ListContainerOptions options) {
    throw new UnsupportedOperationException("not simulated");
  }

  @Override
  public void deleteDirectory(String container, String directory) {
    throw new UnsupportedOperationException("not simulated");
  }

  /** Buckets are deleted through the registry ({@link BucketContainers#eradicate}), not here. */
  @Override
  public void deleteContainer(String container) {
    throw new UnsupportedOperationException("not simulated");
  }

  @Override
  public boolean deleteContainerIfEmpty(String container) {
    throw new UnsupportedOperationException("not simulated");
  }

  /**
   * Writes {@code name} (replaces or removes it) while no other write of that key runs, counting
   * the change it makes and refusing it first if it would grow the bucket past a hard quota.
   *
   * @param length the size the key will have, or {@code null} if unknown
   */
  private <T> T replacing(String container, String name, Long length, Supplier<T> write) {
    HardQuotas quotas = buckets.hardQuotas(container);
    synchronized (lockFor(container, name)) {
      long before = currentSize(container, name);
      long growth = length == null ? 0 : Math.max(0, length - before);
      usage.reserve(quotas, growth);
      long after = before;
      try {
        T result = write.get();
        after = currentSize(container, name);
        return result;
      } finally {
        usage.settle(container, growth, after - before);
      }
    }
  }

  private Object lockFor(String container, String name) {
    return locks[Math.floorMod((container + '/' + name).hashCode(), LOCK_STRIPES)];
  }

  private long currentSize(String container, String name) {
    BlobMetadata metadata = delegate().blobMetadata(container, name);
    return metadata == null ? 0 : BucketUsage.sizeOf(metadata);
  }

  private long partBytes(MultipartUpload upload) {
    return delegate().listMultipartUpload(upload).stream()
        .mapToLong(p -> Math.max(0, p.partSize()))
        .sum();
  }

  private long partSize(MultipartUpload upload, int partNumber) {
    return delegate().listMultipartUpload(upload).stream()
        .filter(p -> p.partNumber() == partNumber)
        .mapToLong(p -> Math.max(0, p.partSize()))
        .findFirst()
        .orElse(0);
  }
}
