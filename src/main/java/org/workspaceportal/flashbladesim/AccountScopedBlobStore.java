package org.workspaceportal.flashbladesim;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.ContainerNotFoundException;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.BlobAccess;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.domain.ContainerAccess;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.internal.PageSetImpl;
import org.jclouds.blobstore.options.CopyOptions;
import org.jclouds.blobstore.options.CreateContainerOptions;
import org.jclouds.blobstore.options.GetOptions;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jclouds.domain.Location;
import org.jclouds.io.Payload;
import org.jclouds.rest.AuthorizationException;

/**
 * One account's view of the shared blob store. Every container operation first checks the bucket:
 * another account's bucket fails with {@link AuthorizationException} (S3Proxy answers 403
 * AccessDenied), a missing or destroyed one with {@link ContainerNotFoundException} (404
 * NoSuchBucket). With a {@code null} account it is the anonymous view, which may touch nothing.
 */
final class AccountScopedBlobStore extends ForwardingBlobStore {

  /** A refused upload is read up to this size; larger ones get their connection closed. */
  private static final long MAX_DRAINED_BYTES = 64L * 1024 * 1024;

  private final String account;
  private final BucketRegistry buckets;

  AccountScopedBlobStore(BlobStore backing, String account, BucketRegistry buckets) {
    super(backing);
    this.account = account;
    this.buckets = buckets;
  }

  /**
   * Checks a write, reading (a bounded part of) a refused upload's body first. Clients that send
   * {@code Expect: 100-continue} otherwise see the connection close while they write the body and
   * report an I/O error instead of S3's AccessDenied or NoSuchBucket.
   */
  private void check(String container, Payload payload) {
    try {
      check(container);
    } catch (RuntimeException refused) {
      if (payload != null) {
        try (InputStream body = payload.openStream()) {
          drain(body);
        } catch (IOException | RuntimeException e) {
          refused.addSuppressed(e);
        }
      }
      throw refused;
    }
  }

  private static void drain(InputStream body) throws IOException {
    byte[] buffer = new byte[8192];
    long remaining = MAX_DRAINED_BYTES;
    int read;
    while (remaining > 0
        && (read = body.read(buffer, 0, (int) Math.min(buffer.length, remaining))) > 0) {
      remaining -= read;
    }
  }

  private void check(String container) {
    BucketAccess access =
        account == null ? BucketAccess.FOREIGN : buckets.access(account, container);
    switch (access) {
      case OWN -> {}
      case FOREIGN ->
          throw new AuthorizationException("Access Denied", new AccessDeniedException(container));
      case NONE -> throw new ContainerNotFoundException(container, "bucket does not exist");
    }
  }

  @Override
  public PageSet<? extends StorageMetadata> list() {
    Set<String> own = account == null ? Set.of() : buckets.liveBucketsOf(account);
    List<StorageMetadata> visible =
        delegate().list().stream()
            .filter(c -> own.contains(c.getName()))
            .map(c -> (StorageMetadata) c)
            .toList();
    return new PageSetImpl<>(visible, null);
  }

  @Override
  public boolean containerExists(String container) {
    BucketAccess access =
        account == null ? BucketAccess.FOREIGN : buckets.access(account, container);
    if (access == BucketAccess.NONE) {
      return false;
    }
    check(container);
    return delegate().containerExists(container);
  }

  @Override
  public boolean createContainerInLocation(Location location, String container) {
    return createContainerInLocation(location, container, CreateContainerOptions.NONE);
  }

  @Override
  public boolean createContainerInLocation(
      Location location, String container, CreateContainerOptions options) {
    if (account == null) {
      throw new AuthorizationException("Access Denied", new AccessDeniedException(container));
    }
    if (buckets.access(account, container) == BucketAccess.OWN) {
      return false;
    }
    if (!buckets.createFromS3(account, container)) {
      // taken by another account, or our own bucket waiting in the trash: BucketAlreadyExists
      throw new AuthorizationException("Bucket already exists", null);
    }
    return true;
  }

  @Override
  public boolean deleteContainerIfEmpty(String container) {
    check(container);
    return buckets.destroyFromS3(container);
  }

  @Override
  public void deleteContainer(String container) {
    throw new AuthorizationException("Access Denied", new AccessDeniedException(container));
  }

  @Override
  public ContainerAccess getContainerAccess(String container) {
    check(container);
    return super.getContainerAccess(container);
  }

  @Override
  public void setContainerAccess(String container, ContainerAccess access) {
    check(container);
    super.setContainerAccess(container, access);
  }

  @Override
  public PageSet<? extends StorageMetadata> list(String container) {
    check(container);
    return super.list(container);
  }

  @Override
  public PageSet<? extends StorageMetadata> list(String container, ListContainerOptions options) {
    check(container);
    return super.list(container, options);
  }

  @Override
  public void clearContainer(String container) {
    check(container);
    super.clearContainer(container);
  }

  @Override
  public void clearContainer(String container, ListContainerOptions options) {
    check(container);
    super.clearContainer(container, options);
  }

  @Override
  public boolean directoryExists(String container, String directory) {
    check(container);
    return super.directoryExists(container, directory);
  }

  @Override
  public void createDirectory(String container, String directory) {
    check(container);
    super.createDirectory(container, directory);
  }

  @Override
  public void deleteDirectory(String container, String directory) {
    check(container);
    super.deleteDirectory(container, directory);
  }

  @Override
  public boolean blobExists(String container, String name) {
    check(container);
    return super.blobExists(container, name);
  }

  @Override
  public String putBlob(String container, Blob blob) {
    check(container, blob.getPayload());
    return super.putBlob(container, blob);
  }

  @Override
  public String putBlob(String container, Blob blob, PutOptions options) {
    check(container, blob.getPayload());
    return super.putBlob(container, blob, options);
  }

  @Override
  public String copyBlob(
      String fromContainer,
      String fromName,
      String toContainer,
      String toName,
      CopyOptions options) {
    check(fromContainer);
    check(toContainer);
    return super.copyBlob(fromContainer, fromName, toContainer, toName, options);
  }

  @Override
  public BlobMetadata blobMetadata(String container, String name) {
    check(container);
    return super.blobMetadata(container, name);
  }

  @Override
  public Blob getBlob(String container, String name) {
    check(container);
    return super.getBlob(container, name);
  }

  @Override
  public Blob getBlob(String container, String name, GetOptions options) {
    check(container);
    return super.getBlob(container, name, options);
  }

  @Override
  public void removeBlob(String container, String name) {
    check(container);
    super.removeBlob(container, name);
  }

  @Override
  public void removeBlobs(String container, Iterable<String> names) {
    check(container);
    super.removeBlobs(container, names);
  }

  @Override
  public BlobAccess getBlobAccess(String container, String name) {
    check(container);
    return super.getBlobAccess(container, name);
  }

  @Override
  public void setBlobAccess(String container, String name, BlobAccess access) {
    check(container);
    super.setBlobAccess(container, name, access);
  }

  @Override
  public long countBlobs(String container) {
    check(container);
    return super.countBlobs(container);
  }

  @Override
  public long countBlobs(String container, ListContainerOptions options) {
    check(container);
    return super.countBlobs(container, options);
  }

  @Override
  public MultipartUpload initiateMultipartUpload(
      String container, BlobMetadata metadata, PutOptions options) {
    check(container);
    return super.initiateMultipartUpload(container, metadata, options);
  }

  @Override
  public void abortMultipartUpload(MultipartUpload upload) {
    check(upload.containerName());
    super.abortMultipartUpload(upload);
  }

  @Override
  public String completeMultipartUpload(MultipartUpload upload, List<MultipartPart> parts) {
    check(upload.containerName());
    return super.completeMultipartUpload(upload, parts);
  }

  @Override
  public MultipartPart uploadMultipartPart(
      MultipartUpload upload, int partNumber, Payload payload) {
    check(upload.containerName(), payload);
    return super.uploadMultipartPart(upload, partNumber, payload);
  }

  @Override
  public List<MultipartPart> listMultipartUpload(MultipartUpload upload) {
    check(upload.containerName());
    return super.listMultipartUpload(upload);
  }

  @Override
  public List<MultipartUpload> listMultipartUploads(String container) {
    check(container);
    return super.listMultipartUploads(container);
  }

  @Override
  public void downloadBlob(String container, String name, File destination) {
    check(container);
    super.downloadBlob(container, name, destination);
  }

  @Override
  public void downloadBlob(
      String container, String name, File destination, ExecutorService executor) {
    check(container);
    super.downloadBlob(container, name, destination, executor);
  }

  @Override
  public InputStream streamBlob(String container, String name) {
    check(container);
    return super.streamBlob(container, name);
  }

  @Override
  public InputStream streamBlob(String container, String name, ExecutorService executor) {
    check(container);
    return super.streamBlob(container, name, executor);
  }
}
