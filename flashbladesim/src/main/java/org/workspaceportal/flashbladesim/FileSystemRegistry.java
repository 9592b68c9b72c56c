package org.workspaceportal.flashbladesim;

import java.util.ArrayList;
import java.util.List;

/**
 * File systems of the simulated array (the portal's NFS "datahub"): their settings, and a folder
 * each that clients bind-mount ({@link FileSystemFolders}).
 */
final class FileSystemRegistry {

  private final SimulatorState state;
  private final FileSystemFolders folders;

  FileSystemRegistry(SimulatorState state, FileSystemFolders folders) {
    this.state = state;
    this.folders = folders;
  }

  List<StoredFileSystem> create(List<String> names, FileSystemPatch spec) {
    synchronized (state) {
      Lookups.requireNames(names);
      names.forEach(NameRules::checkFileSystem);
      Lookups.requireAbsent(state.fileSystems, names, "File system");
      List<StoredFileSystem> created = new ArrayList<>();
      for (String name : names) {
        var blank =
            new StoredFileSystem(
                SimulatorState.newId(),
                name,
                state.now(),
                null,
                false,
                new StoredFileSystem.Nfs(false, false, StoredFileSystem.DEFAULT_RULES),
                null);
        StoredFileSystem fileSystem = apply(blank, spec);
        folders.create(name);
        state.fileSystems.put(name, fileSystem);
        created.add(fileSystem);
      }
      state.persist();
      return created;
    }
  }

  List<StoredFileSystem> patch(List<String> names, FileSystemPatch patch) {
    synchronized (state) {
      Lookups.requireNames(names);
      List<StoredFileSystem> changed = new ArrayList<>();
      for (StoredFileSystem fileSystem :
          Lookups.requireAll(state.fileSystems, names, "File system")) {
        changed.add(apply(fileSystem, patch));
      }
      changed.forEach(f -> state.fileSystems.put(f.name(), f));
      state.persist();
      return changed;
    }
  }

  /**
   * "A file system's destroyed parameter must be set to true before a file system can be deleted."
   */
  void eradicate(List<String> names) {
    synchronized (state) {
      Lookups.requireNames(names);
      for (StoredFileSystem fileSystem :
          Lookups.requireAll(state.fileSystems, names, "File system")) {
        if (!fileSystem.isDestroyed()) {
          throw ApiException.badRequest(
              fileSystem.name(), "File system must be destroyed before it can be eradicated.");
        }
      }
      names.forEach(state.fileSystems::remove);
      names.forEach(folders::remove);
      state.persist();
    }
  }

  private StoredFileSystem apply(StoredFileSystem fs, FileSystemPatch patch) {
    if (patch.provisioned() != null && patch.provisioned() < 0) {
      throw ApiException.badRequest(fs.name(), "provisioned must not be negative.");
    }
    StoredFileSystem.Nfs nfs =
        new StoredFileSystem.Nfs(
            patch.nfsV3Enabled() != null ? patch.nfsV3Enabled() : fs.nfs().v3Enabled(),
            patch.nfsV41Enabled() != null ? patch.nfsV41Enabled() : fs.nfs().v41Enabled(),
            patch.nfsRules() != null ? patch.nfsRules() : fs.nfs().rules());
    Long destroyedAt = fs.destroyedAt();
    if (patch.destroyed() != null && patch.destroyed() != fs.isDestroyed()) {
      destroyedAt = patch.destroyed() ? Long.valueOf(state.now()) : null;
    }
    return fs.with(
        patch.provisioned() != null ? patch.provisioned() : fs.provisioned(),
        patch.hardLimitEnabled() != null ? patch.hardLimitEnabled() : fs.hardLimitEnabled(),
        nfs,
        destroyedAt);
  }
}
