package org.workspaceportal.workspace.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.workspaceportal.workspace.Retention;
import org.workspaceportal.workspace.StepView;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;

/** A workspace as the REST API returns it. */
record WorkspaceResponse(
    UUID id,
    String name,
    String description,
    WorkspaceStatus status,
    String statusReason,
    String owner,
    String template,
    int workers,
    boolean datahub,
    Retention retention,
    Instant expiresAt,
    Instant createdAt,
    Instant updatedAt,
    List<WorkspaceView.HistoryEntry> history,
    List<StepView> steps) {

  static WorkspaceResponse of(WorkspaceView v) {
    return new WorkspaceResponse(
        v.id(),
        v.name(),
        v.description(),
        v.status(),
        v.statusReason(),
        v.owner(),
        v.template(),
        v.workers(),
        v.datahub(),
        v.retention(),
        v.expiresAt(),
        v.createdAt(),
        v.updatedAt(),
        v.history(),
        v.steps());
  }
}
