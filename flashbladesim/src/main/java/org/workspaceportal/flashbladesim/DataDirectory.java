package org.workspaceportal.flashbladesim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * A simulator's data directory: {@code state.json}, {@code blobs/}, {@code file-systems/}, the CA
 * ({@code ca.pem}, {@code ca-key.pem}) and {@code api-token}. It is locked while a simulator uses
 * it, because two simulators writing one state file would silently lose each other's changes.
 */
final class DataDirectory implements AutoCloseable {

  private final Path root;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
    this.root = root;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  static DataDirectory open(Path root) {
    try {
      Files.createDirectories(root);
      FileChannel channel =
          FileChannel.open(
              root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new InUseException(root);
      }
      return new DataDirectory(root, channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open simulator data directory " + root, e);
    }
  }

  /** Another simulator, in this process or another one, holds the directory. */
  static final class InUseException extends IllegalStateException {
    InUseException(Path root) {
      super("Simulator data directory " + root + " is in use by another simulator");
    }
  }

  Path stateFile() {
    return root.resolve("state.json");
  }

  Path blobs() {
    return root.resolve("blobs");
  }

  Path caCertificate() {
    return root.resolve("ca.pem");
  }

  /** The CA's private key, readable by its owner only. */
  Path caKey() {
    return root.resolve("ca-key.pem");
  }

  Path fileSystems() {
    return root.resolve("file-systems");
  }

  /**
   * The API token of earlier runs, so a restarted embedded portal keeps working with the same
   * array.
   */
  String apiToken() {
    Path file = root.resolve("api-token");
    try {
      if (Files.exists(file)) {
        return Files.readString(file).trim();
      }
      String token = "T-" + UUID.randomUUID();
      Files.writeString(file, token);
      return token;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write " + file, e);
    }
  }

  @Override
  public void close() throws IOException {
    lock.release();
    lockChannel.close();
  }
}
