package org.workspaceportal.flashbladesim;

import java.nio.file.AccessDeniedException;
import java.util.List;
import java.util.Set;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.ContainerNotFoundException;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.internal.PageSetImpl;
import org.jclouds.blobstore.options.CreateContainerOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.domain.Location;
import org.jclouds.io.Payload;
import org.jclouds.rest.AuthorizationException;

/**
 * One access key's view of the shared blob store for one S3 request. Every call first checks that
 * the key's user holds the access policies the request's {@link S3Operation} needs (403
 * AccessDenied otherwise), then the bucket: another account's bucket fails with {@link
 * AuthorizationException} (S3Proxy answers 403 AccessDenied), a missing or destroyed one with
 * {@link ContainerNotFoundException} (404 NoSuchBucket). Anonymous requests may touch nothing.
 */
final class AccountScopedBlobStore extends ContainerGuardingBlobStore {

  private final String account;
  private final boolean permitted;
  private final BucketRegistry buckets;

  /**
   * @param policies what the key's user holds
   * @param operation what the request does; decides which of {@code policies} it needs
   */
  AccountScopedBlobStore(
      BlobStore backing,
      String account,
      Set<AccessPolicy> policies,
      S3Operation operation,
      BucketRegistry buckets) {
    super(backing);
    this.account = account;
    this.permitted = account != null && AccessPolicy.allow(policies, operation.needs());
    this.buckets = buckets;
  }

  /** What requests without credentials see: nothing. */
  static AccountScopedBlobStore anonymous(BlobStore backing, BucketRegistry buckets) {
    return new AccountScopedBlobStore(backing, null, Set.of(), S3Operation.UNKNOWN, buckets);
  }

  private BucketAccess access(String container) {
    return permitted ? buckets.access(account, container) : BucketAccess.FOREIGN;
  }

  private static AuthorizationException denied(String resource) {
    return new AuthorizationException("Access Denied", new AccessDeniedException(resource));
  }

  @Override
  void checkAccess(String container) {
    switch (access(container)) {
      case OWN -> {}
      case FOREIGN -> throw denied(container);
      case NONE -> throw new ContainerNotFoundException(container, "bucket does not exist");
    }
  }

  @Override
  public PageSet<? extends StorageMetadata> list() {
    if (!permitted) {
      throw denied("/");
    }
    Set<String> own = buckets.liveBucketsOf(account);
    List<StorageMetadata> visible =
        delegate().list().stream()
            .filter(c -> own.contains(c.getName()))
            .map(c -> (StorageMetadata) c)
            .toList();
    return new PageSetImpl<>(visible, null);
  }

  @Override
  public boolean containerExists(String container) {
    if (access(container) == BucketAccess.NONE) {
      return false;
    }
    checkAccess(container);
    return delegate().containerExists(container);
  }

  @Override
  public boolean createContainerInLocation(Location location, String container) {
    return createContainerInLocation(location, container, CreateContainerOptions.NONE);
  }

  @Override
  public boolean createContainerInLocation(
      Location location, String container, CreateContainerOptions options) {
    if (!permitted) {
      throw denied(container);
    }
    if (access(container) == BucketAccess.OWN) {
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
    checkAccess(container);
    return buckets.destroyFromS3(container);
  }

  @Override
  public void deleteContainer(String container) {
    throw denied(container);
  }

  @Override
  public MultipartUpload initiateMultipartUpload(
      String container, BlobMetadata metadata, PutOptions options) {
    checkAccess(container);
    return super.initiateMultipartUpload(container, metadata, options);
  }

  @Override
  public void abortMultipartUpload(MultipartUpload upload) {
    checkAccess(upload.containerName());
    super.abortMultipartUpload(upload);
  }

  @Override
  public String completeMultipartUpload(MultipartUpload upload, List<MultipartPart> parts) {
    checkAccess(upload.containerName());
    return super.completeMultipartUpload(upload, parts);
  }

  @Override
  public MultipartPart uploadMultipartPart(
      MultipartUpload upload, int partNumber, Payload payload) {
    checkAccess(upload.containerName());
    return super.uploadMultipartPart(upload, partNumber, payload);
  }

  @Override
  public List<MultipartPart> listMultipartUpload(MultipartUpload upload) {
    checkAccess(upload.containerName());
    return super.listMultipartUpload(upload);
  }

  @Override
  public List<MultipartUpload> listMultipartUploads(String container) {
    checkAccess(container);
    return super.listMultipartUploads(container);
  }
}
