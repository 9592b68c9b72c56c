package org.workspaceportal.storage.flashblade;

import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.storage.StorageException;

/**
 * NFS file systems (the workspace "datahub"), exported with the configured rule over NFSv3 and
 * v4.1. Destroying one also stops exporting it in the same call, as the array's own tooling does;
 * recovering one exports it again.
 */
final class FileSystems {

  private static final String RESOURCE = "file-systems";
  private static final Logger log = LoggerFactory.getLogger(FileSystems.class);

  private final FlashBladeApi api;
  private final String nfsRule;
  private final long defaultBytes;

  FileSystems(FlashBladeApi api, String nfsRule, long defaultBytes) {
    this.api = api;
    this.nfsRule = nfsRule;
    this.defaultBytes = defaultBytes;
  }

  /** A non-positive size means the configured default ({@code datahub-bytes}). */
  void ensure(String name, long provisionedBytes) {
    long size = provisionedBytes > 0 ? provisionedBytes : defaultBytes;
    Optional<FileSystemItem> existing = find(name);
    if (existing.isEmpty()) {
      try {
        api.post(
            RESOURCE,
            Map.of("names", name),
            new FileSystemPost(size, false, NfsSettings.exported(nfsRule)),
            FileSystemItem.class,
            "create file system '" + name + "'");
        log.info("Created FlashBlade file system '{}' ({} bytes)", name, size);
        return;
      } catch (FlashBladeRefusal refusal) {
        existing = Optional.of(Races.adoptIfAlreadyExists(refusal, () -> find(name)));
      }
    }
    adopt(existing.get());
  }

  void remove(String name, Retention retention) {
    if (retention == Retention.KEEP) {
      return;
    }
    Optional<FileSystemItem> existing = find(name);
    if (existing.isEmpty()) {
      return;
    }
    if (!existing.get().isDestroyed()) {
      api.patch(
          RESOURCE,
          Map.of("names", name),
          new FileSystemPatch(true, NfsSettings.disabled()),
          "destroy file system '" + name + "'");
      log.info("Destroyed FlashBlade file system '{}' (recoverable until eradicated)", name);
    }
    if (retention == Retention.ERADICATE) {
      try {
        api.delete(RESOURCE, Map.of("names", name), "eradicate file system '" + name + "'");
        log.info("Eradicated FlashBlade file system '{}'", name);
      } catch (FlashBladeRefusal refusal) {
        if (!refusal.saysDoesNotExist()) {
          throw refusal;
        }
      }
    }
  }

  private void adopt(FileSystemItem fileSystem) {
    String name = fileSystem.name();
    if (fileSystem.isDestroyed()) {
      api.patch(
          RESOURCE,
          Map.of("names", name),
          new FileSystemPatch(false, null),
          "recover destroyed file system '" + name + "'");
      log.info("Recovered destroyed FlashBlade file system '{}'", name);
    }
    if (fileSystem.isDestroyed() || !fileSystem.isExported()) {
      api.patch(
          RESOURCE,
          Map.of("names", name),
          new FileSystemPatch(null, NfsSettings.exported(nfsRule)),
          "export file system '" + name + "' over NFS");
    }
  }

  private Optional<FileSystemItem> find(String name) {
    if (name == null || name.isBlank()) {
      throw new StorageException("A file system needs a name", false);
    }
    return api.find(RESOURCE, name, FileSystemItem.class, "look up file system '" + name + "'");
  }
}
