package org.workspaceportal.workspace.files;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What is known of a workspace's notebook files in its bucket: the last save and the latest try.
 */
@Entity
@Table(name = "workspace_files")
class WorkspaceFiles {

  @Id
  @Column(name = "workspace_id")
  private UUID workspaceId;

  private String manifest;
  private int files;
  private long bytes;

  @Column(name = "snapshot_at")
  private Instant snapshotAt;

  @Column(name = "saved_at")
  private Instant savedAt;

  @Column(name = "save_took_ms")
  private Long saveTookMs;

  @Column(name = "last_attempt_at")
  private Instant lastAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "failing_since")
  private Instant failingSince;

  @Column(name = "saving_until")
  private Instant savingUntil;

  @Version private long version;

  protected WorkspaceFiles() {}

  WorkspaceFiles(UUID workspaceId) {
    this.workspaceId = workspaceId;
  }

  UUID workspaceId() {
    return workspaceId;
  }

  Manifest manifest() {
    return Manifest.parse(manifest);
  }

  boolean everSaved() {
    return savedAt != null;
  }

  Instant snapshotAt() {
    return snapshotAt;
  }

  Instant savedAt() {
    return savedAt;
  }

  Instant lastAttemptAt() {
    return lastAttemptAt;
  }

  String lastError() {
    return lastError;
  }

  Instant failingSince() {
    return failingSince;
  }

  int files() {
    return files;
  }

  long bytes() {
    return bytes;
  }

  /** Takes the record for one save unless another holds it. */
  boolean claim(Instant now, Duration lease) {
    if (savingUntil != null && savingUntil.isAfter(now)) {
      return false;
    }
    savingUntil = now.plus(lease);
    lastAttemptAt = now;
    return true;
  }

  void saved(Manifest saved, Instant snapshot, Instant now) {
    manifest = saved.format();
    files = saved.fileCount();
    bytes = saved.bytes();
    snapshotAt = snapshot;
    savedAt = now;
    saveTookMs = Duration.between(snapshot, now).toMillis();
    lastError = null;
    failingSince = null;
    savingUntil = null;
  }

  void failed(String error, Instant now) {
    lastError = error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
    if (failingSince == null) {
      failingSince = now;
    }
    savingUntil = null;
  }

  /** A save that found nothing to read (the notebook was not on any host) lets go. */
  void nothingToRead() {
    savingUntil = null;
  }
}
