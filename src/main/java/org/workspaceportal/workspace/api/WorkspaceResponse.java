package org.workspaceportal.workspace.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.workspace.ClusterView;
import org.workspaceportal.workspace.StepView;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.files.DeletionTerms;

/**
 * A workspace as the REST API returns it; {@code links} (Jupyter and the Spark master UI) only for
 * its owner, once the notebook answers; {@code onDeletion} says in words what deleting it does to
 * its cluster, its notebooks and its data (as its delete page does); {@code bucketQuotaGiB} is its
 * bucket's size (a hard quota on the array), null when its template gives none.
 */
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
    Integer bucketQuotaGiB,
    Retention retention,
    Instant expiresAt,
    Instant createdAt,
    Instant updatedAt,
    List<WorkspaceView.HistoryEntry> history,
    List<StepView> steps,
    Cluster cluster,
    ClusterView.Links links,
    DeletionTerms onDeletion) {

  /**
   * The Spark cluster: where each container runs and its state, and how many workers have joined.
   */
  record Cluster(
      String image,
      int workersRequested,
      int workersAlive,
      boolean notebookReady,
      List<ClusterView.Member> containers) {}

  static WorkspaceResponse of(WorkspaceView v) {
    ClusterView c = v.cluster();
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
        v.bucketQuotaGiB(),
        v.retention(),
        v.expiresAt(),
        v.createdAt(),
        v.updatedAt(),
        v.history(),
        v.steps(),
        c == null
            ? null
            : new Cluster(
                c.image(), c.workersRequested(), c.workersAlive(), c.notebookReady(), c.members()),
        c == null ? null : c.links(),
        DeletionTerms.of(v.retention(), c != null, v.datahub()));
  }
}
