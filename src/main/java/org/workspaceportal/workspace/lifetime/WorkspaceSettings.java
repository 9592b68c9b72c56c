package org.workspaceportal.workspace.lifetime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The workspace settings an admin changes at run time: the single row of {@code workspace_settings}
 * (seeded by its migration). A null value means the configured default.
 */
@Entity
@Table(name = "workspace_settings")
class WorkspaceSettings {

  static final short ID = 1;

  @Id private short id;

  @Column(name = "keep_stopped_for_days")
  private Integer keepStoppedForDays;

  @Column(name = "changed_by")
  private String changedBy;

  @Column(name = "changed_at")
  private Instant changedAt;

  @Version private long version;

  protected WorkspaceSettings() {}

  Integer keepStoppedForDays() {
    return keepStoppedForDays;
  }

  String changedBy() {
    return changedBy;
  }

  Instant changedAt() {
    return changedAt;
  }

  void setKeepStoppedForDays(Integer days, String actor, Instant at) {
    this.keepStoppedForDays = days;
    this.changedBy = actor;
    this.changedAt = at;
  }
}
