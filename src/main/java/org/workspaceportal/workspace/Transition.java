package org.workspaceportal.workspace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row of a workspace's history: who moved it from where to where, when, and why. */
@Entity
@Table(name = "workspace_transitions")
class Transition {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "workspace_id", nullable = false, updatable = false)
  private UUID workspaceId;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status", updatable = false)
  private WorkspaceStatus from;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status", nullable = false, updatable = false)
  private WorkspaceStatus to;

  @Column(nullable = false, updatable = false)
  private String actor;

  @Column(updatable = false)
  private String reason;

  @Column(nullable = false, updatable = false)
  private Instant at;

  protected Transition() {}

  Transition(
      UUID workspaceId,
      WorkspaceStatus from,
      WorkspaceStatus to,
      String actor,
      String reason,
      Instant at) {
    this.workspaceId = workspaceId;
    this.from = from;
    this.to = to;
    this.actor = actor;
    this.reason = reason;
    this.at = at;
  }

  WorkspaceView.HistoryEntry toEntry() {
    return new WorkspaceView.HistoryEntry(from, to, actor, reason, at);
  }
}
