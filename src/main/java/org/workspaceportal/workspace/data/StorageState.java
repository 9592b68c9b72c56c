package org.workspaceportal.workspace.data;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.workspace.WorkspaceFacts;

/**
 * The storage steps' own record of what exists on the storage system for a workspace, each change
 * in its own short transaction. Entities leave here detached: handlers read them outside any
 * transaction.
 */
@Component
class StorageState {

  private final WorkspaceStorageRepository storage;
  private final Clock clock;

  StorageState(WorkspaceStorageRepository storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  /** The workspace's storage names, fixed (from its id) the first time any storage step runs. */
  @Transactional
  WorkspaceStorage namesFor(WorkspaceFacts ws) {
    return storage
        .findById(ws.id())
        .orElseGet(
            () ->
                storage.save(
                    WorkspaceStorage.namesFor(ws.id(), ws.name(), ws.datahub(), clock.instant())));
  }

  @Transactional
  void keyCreated(UUID workspaceId, String accessKeyId, String secretCiphertext) {
    storage.findById(workspaceId).orElseThrow().keyCreated(accessKeyId, secretCiphertext, now());
  }

  @Transactional
  void verified(UUID workspaceId, String s3Endpoint, String nfsAddress) {
    storage.findById(workspaceId).orElseThrow().verified(s3Endpoint, nfsAddress, now());
  }

  @Transactional
  void forgetKey(UUID workspaceId) {
    storage.findById(workspaceId).orElseThrow().forgetKey(now());
  }

  private Instant now() {
    return clock.instant();
  }
}
