package org.workspaceportal.workspace.quota;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The default quotas an admin set at run time: the single row of {@code workspace_quota_defaults}
 * (seeded by its migration). A null value means the configured default.
 */
@Entity
@Table(name = "workspace_quota_defaults")
class QuotaDefaults {

  static final short ID = 1;

  @Id private short id;

  @Column(name = "max_live_workspaces")
  private Integer maxLiveWorkspaces;

  @Column(name = "max_total_workers")
  private Integer maxTotalWorkers;

  @Column(name = "changed_by")
  private String changedBy;

  @Column(name = "changed_at")
  private Instant changedAt;

  @Version private long version;

  protected QuotaDefaults() {}

  Integer maxLiveWorkspaces() {
    return maxLiveWorkspaces;
  }

  Integer maxTotalWorkers() {
    return maxTotalWorkers;
  }

  String changedBy() {
    return changedBy;
  }

  Instant changedAt() {
    return changedAt;
  }

  void set(Integer maxLiveWorkspaces, Integer maxTotalWorkers, String actor, Instant at) {
    this.maxLiveWorkspaces = maxLiveWorkspaces;
    this.maxTotalWorkers = maxTotalWorkers;
    this.changedBy = actor;
    this.changedAt = at;
  }
}
