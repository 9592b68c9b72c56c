package org.workspaceportal.flashbladesim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.reference.FilesystemConstants;

/**
 * Opens the jclouds blob store behind the S3 data plane: in memory, or files under the data dir.
 */
final class BlobStores {

  private BlobStores() {}

  /**
   * @param directory where objects live, or {@code null} for jclouds' in-memory "transient" store
   */
  static BlobStoreContext open(Path directory) {
    if (directory == null) {
      return ContextBuilder.newBuilder("transient").buildView(BlobStoreContext.class);
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create blob directory " + directory, e);
    }
    var properties = new Properties();
    properties.setProperty(
        FilesystemConstants.PROPERTY_BASEDIR, directory.toAbsolutePath().toString());
    return ContextBuilder.newBuilder("filesystem")
        .overrides(properties)
        .buildView(BlobStoreContext.class);
  }
}
