package org.workspaceportal.flashbladesim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON file that keeps the simulator's state across restarts. It holds access-key secrets in
 * clear text because S3 signature checks need them; it is a test fixture, so the file is only made
 * owner-readable.
 */
final class StateFile {

  private final Path file;
  private final JsonMapper mapper = JsonMapper.builder().build();

  StateFile(Path file) {
    this.file = file;
  }

  StateSnapshot load() {
    if (!Files.exists(file)) {
      return StateSnapshot.empty();
    }
    try {
      return mapper.readValue(file.toFile(), StateSnapshot.class);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Cannot read simulator state " + file, e);
    }
  }

  void save(StateSnapshot snapshot) {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      Files.write(temp, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(snapshot));
      restrictToOwner(temp);
      // a crash mid-write must never leave a half-written state behind
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write simulator state " + file, e);
    }
  }

  private static void restrictToOwner(Path path) {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: nothing more to do for a test fixture
    }
  }
}
