package org.workspaceportal.flashbladesim;

import java.io.File;
import java.io.InputStream;
import java.util.concurrent.ExecutorService;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.BlobAccess;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.domain.ContainerAccess;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.CopyOptions;
import org.jclouds.blobstore.options.GetOptions;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/**
 * A blob store that checks every container it is asked about before it forwards the call. The check
 * decides; this class only makes sure no container operation slips past it.
 */
abstract class ContainerGuardingBlobStore extends ForwardingBlobStore {

  ContainerGuardingBlobStore(BlobStore delegate) {
    super(delegate);
  }

  /** Throws when the caller may not use {@code container}. */
  abstract void checkAccess(String container);

  @Override
  public ContainerAccess getContainerAccess(String container) {
    checkAccess(container);
    return super.getContainerAccess(container);
  }

  @Override
  public void setContainerAccess(String container, ContainerAccess access) {
    checkAccess(container);
    super.setContainerAccess(container, access);
  }

  @Override
  public PageSet<? extends StorageMetadata> list(String container) {
    checkAccess(container);
    return super.list(container);
  }

  @Override
  public PageSet<? extends StorageMetadata> list(String container, ListContainerOptions options) {
    checkAccess(container);
    return super.list(container, options);
  }

  @Override
  public void clearContainer(String container) {
    checkAccess(container);
    super.clearContainer(container);
  }

  @Override
  public void clearContainer(String container, ListContainerOptions options) {
    checkAccess(container);
    super.clearContainer(container, options);
  }

  @Override
  public boolean directoryExists(String container, String directory) {
    checkAccess(container);
    return super.directoryExists(container, directory);
  }

  @Override
  public void createDirectory(String container, String directory) {
    checkAccess(container);
    super.createDirectory(container, directory);
  }

  @Override
  public void deleteDirectory(String container, String directory) {
    checkAccess(container);
    super.deleteDirectory(container, directory);
  }

  @Override
  public boolean blobExists(String container, String name) {
    checkAccess(container);
    return super.blobExists(container, name);
  }

  @Override
  public String putBlob(String container, Blob blob) {
    checkAccess(container);
    return super.putBlob(container, blob);
  }

  @Override
  public String putBlob(String container, Blob blob, PutOptions options) {
    checkAccess(container);
    return super.putBlob(container, blob, options);
  }

  @Override
  public String copyBlob(
      String fromContainer,
      String fromName,
      String toContainer,
      String toName,
      CopyOptions options) {
    checkAccess(fromContainer);
    checkAccess(toContainer);
    return super.copyBlob(fromContainer, fromName, toContainer, toName, options);
  }

  @Override
  public BlobMetadata blobMetadata(String container, String name) {
    checkAccess(container);
    return super.blobMetadata(container, name);
  }

  @Override
  public Blob getBlob(String container, String name) {
    checkAccess(container);
    return super.getBlob(container, name);
  }

  @Override
  public Blob getBlob(String container, String name, GetOptions options) {
    checkAccess(container);
    return super.getBlob(container, name, options);
  }

  @Override
  public void removeBlob(String container, String name) {
    checkAccess(container);
    super.removeBlob(container, name);
  }

  @Override
  public void removeBlobs(String container, Iterable<String> names) {
    checkAccess(container);
    super.removeBlobs(container, names);
  }

  @Override
  public BlobAccess getBlobAccess(String container, String name) {
    checkAccess(container);
    return super.getBlobAccess(container, name);
  }

  @Override
  public void setBlobAccess(String container, String name, BlobAccess access) {
    checkAccess(container);
    super.setBlobAccess(container, name, access);
  }

  @Override
  public long countBlobs(String container) {
    checkAccess(container);
    return super.countBlobs(container);
  }

  @Override
  public long countBlobs(String container, ListContainerOptions options) {
    checkAccess(container);
    return super.countBlobs(container, options);
  }

  @Override
  public void downloadBlob(String container, String name, File destination) {
    checkAccess(container);
    super.downloadBlob(container, name, destination);
  }

  @Override
  public void downloadBlob(
      String container, String name, File destination, ExecutorService executor) {
    checkAccess(container);
    super.downloadBlob(container, name, destination, executor);
  }

  @Override
  public InputStream streamBlob(String container, String name) {
    checkAccess(container);
    return super.streamBlob(container, name);
  }

  @Override
  public InputStream streamBlob(String container, String name, ExecutorService executor) {
    checkAccess(container);
    return super.streamBlob(container, name, executor);
  }
}
