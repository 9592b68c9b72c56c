package org.workspaceportal.workspace.lifetime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.workspaceportal.workspace.Workspace;

/** A request for a later expiry of one workspace; decided once, by an admin. */
@Entity
@Table(name = "workspace_extensions")
class ExtensionRequest {

  /** Where a request stands; only a PENDING one can be decided. */
  enum Status {
    PENDING,
    APPROVED,
    REJECTED
  }

  @Id private UUID id;

  @Column(name = "workspace_id", nullable = false, updatable = false)
  private UUID workspaceId;

  @Column(name = "requested_by", nullable = false, updatable = false)
  private String requestedBy;

  @Column(name = "requested_expiry", nullable = false, updatable = false)
  private Instant requestedExpiry;

  @Column(name = "previous_expiry", nullable = false, updatable = false)
  private Instant previousExpiry;

  @Column(nullable = false, updatable = false)
  private String reason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decision_reason")
  private String decisionReason;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected ExtensionRequest() {}

  ExtensionRequest(
      UUID workspaceId,
      String requestedBy,
      Instant requestedExpiry,
      Instant previousExpiry,
      String reason,
      Instant now) {
    this.id = UUID.randomUUID();
    this.workspaceId = workspaceId;
    this.requestedBy = requestedBy;
    this.requestedExpiry = requestedExpiry;
    this.previousExpiry = previousExpiry;
    this.reason = reason;
    this.status = Status.PENDING;
    this.createdAt = now;
  }

  /** Records the decision; a request decided before is refused (409). */
  void decide(boolean approved, String admin, String why, Instant now) {
    if (status != Status.PENDING) {
      throw new ExtensionNotPossibleException(
          "This extension request was " + status.name().toLowerCase() + " already.");
    }
    this.status = approved ? Status.APPROVED : Status.REJECTED;
    this.decidedBy = admin;
    this.decisionReason = why;
    this.decidedAt = now;
  }

  UUID id() {
    return id;
  }

  UUID workspaceId() {
    return workspaceId;
  }

  Instant requestedExpiry() {
    return requestedExpiry;
  }

  Status status() {
    return status;
  }

  ExtensionView toView(Workspace ws) {
    return new ExtensionView(
        id,
        workspaceId,
        ws.name(),
        ws.owner(),
        previousExpiry,
        requestedExpiry,
        reason,
        status.name(),
        requestedBy,
        createdAt,
        decidedBy,
        decisionReason,
        decidedAt);
  }
}
