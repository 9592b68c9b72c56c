package org.workspaceportal.workspace.pool;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.WorkspaceFacts;
import org.workspaceportal.workspace.cluster.ClusterState;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.engine.StepSubject;
import org.workspaceportal.workspace.template.WorkspaceTemplate;
import org.workspaceportal.workspace.template.WorkspaceTemplateRepository;

/**
 * Warm-pool clusters as the engine's subjects: a STARTING one is provisioned, a REMOVING one torn
 * down, by the same steps and runtime as a workspace's cluster (no storage, no notebook).
 * Provisioned, it is READY to be claimed; a failed provisioning tears it down at once; torn down,
 * its records go.
 */
@Component
class PoolSubjects implements StepSubject.Finder {

  private final PoolClusterRepository pool;
  private final WorkspaceTemplateRepository templates;
  private final ClusterState clusters;
  private final Clock clock;

  PoolSubjects(
      PoolClusterRepository pool,
      WorkspaceTemplateRepository templates,
      ClusterState clusters,
      Clock clock) {
    this.pool = pool;
    this.templates = templates;
    this.clusters = clusters;
    this.clock = clock;
  }

  @Override
  public Optional<StepSubject> find(UUID id) {
    return pool.findById(id).map(Subject::new);
  }

  private final class Subject implements StepSubject {

    private final PoolCluster p;

    Subject(PoolCluster p) {
      this.p = p;
    }

    @Override
    public WorkspaceFacts facts() {
      String template =
          templates.findById(p.templateId()).map(WorkspaceTemplate::name).orElse("a template");
      return new WorkspaceFacts(
          p.id(),
          "warm pool of " + template,
          null,
          p.templateId(),
          p.workers(),
          p.workerCores(),
          p.workerMemoryMb(),
          false,
          null,
          true,
          true,
          false,
          null);
    }

    @Override
    public int run() {
      return 1;
    }

    @Override
    public Optional<Operation> operation() {
      return switch (p.state()) {
        case STARTING -> Optional.of(Operation.PROVISION);
        case REMOVING -> Optional.of(Operation.TEARDOWN);
        case READY, FAILED -> Optional.empty();
      };
    }

    @Override
    public boolean running(Operation operation) {
      return true; // a pool cluster has no queued state: it is made STARTING, marked REMOVING
    }

    @Override
    public void started(Operation operation) {}

    @Override
    public void completed(Operation operation) {
      if (operation == Operation.PROVISION) {
        p.ready(clock.instant());
      } else {
        pool.delete(p);
        pool.flush(); // the cluster record is referenced by the pool row
        clusters.delete(p.id());
      }
    }

    @Override
    public void failed(Operation operation, StepKind kind, String message) {
      String why = operation.failureReason(kind.label(), message);
      if (operation == Operation.PROVISION) {
        p.removing(why, clock.instant()); // the job goes on with its teardown
      } else {
        p.teardownFailed(why, clock.instant());
      }
    }
  }
}
