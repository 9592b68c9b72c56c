package org.workspaceportal.flashbladesim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the simulated array "exports" its file systems: one folder per file system, which clients
 * on this machine bind-mount instead of mounting NFS (these machines cannot mount NFS). Made with
 * the file system, removed when it is eradicated; open to every user, as an NFS export with
 * no_root_squash is to every client.
 */
final class FileSystemFolders {

  private final Path root;

  FileSystemFolders(Path root) {
    this.root = root;
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path root() {
    return root;
  }

  void create(String name) {
    Path folder = root.resolve(name);
    try {
      Files.createDirectories(folder);
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
    } catch (IOException e) {
      throw new UncheckedIOException("could not make the folder of file system " + name, e);
    }
  }

  void remove(String name) {
    Path folder = root.resolve(name);
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove the folder of file system " + name, e);
    }
  }
}
