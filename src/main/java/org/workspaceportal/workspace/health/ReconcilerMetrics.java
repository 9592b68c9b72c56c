package org.workspaceportal.workspace.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.workspaceportal.workspace.WorkspaceEvents.WorkspaceStatusChanged;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceTransitions;

/**
 * What the reconciler did, for Prometheus: {@code portal_workspace_degradations_total} (a workspace
 * found with containers missing; the {@code portal_workspaces{status="DEGRADED"}} gauge shows how
 * many are degraded now, but an automatic repair usually starts before a scrape sees it), {@code
 * portal_workspace_repairs_total{outcome}} (started, succeeded, failed; started also by {@code
 * trigger}) and {@code portal_reconciler_orphans_removed_total{kind}}. Counted after the commit, so
 * a move that rolled back is not counted.
 */
@Component
class ReconcilerMetrics {

  private final MeterRegistry registry;

  ReconcilerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(WorkspaceStatusChanged e) {
    if (e.to() == WorkspaceStatus.DEGRADED && e.from() != WorkspaceStatus.REPAIRING) {
      Counter.builder("portal.workspace.degradations")
          .description("Workspaces found with containers of their cluster missing")
          .register(registry)
          .increment();
    } else if (e.to() == WorkspaceStatus.REPAIRING) {
      repairs("started", WorkspaceTransitions.PORTAL.equals(e.actor()) ? "automatic" : "manual");
    } else if (e.from() == WorkspaceStatus.REPAIRING && e.to() == WorkspaceStatus.READY) {
      repairs("succeeded", "any");
    } else if (e.from() == WorkspaceStatus.REPAIRING && e.to() == WorkspaceStatus.DEGRADED) {
      repairs("failed", "any");
    }
  }

  void orphanRemoved(String kind) {
    Counter.builder("portal.reconciler.orphans.removed")
        .description("Containers and volumes of gone workspaces removed by the reconciler")
        .tag("kind", kind)
        .register(registry)
        .increment();
  }

  private void repairs(String outcome, String trigger) {
    Counter.builder("portal.workspace.repairs")
        .description("Repairs of DEGRADED workspaces: started (automatic or manual) and their end")
        .tag("outcome", outcome)
        .tag("trigger", trigger)
        .register(registry)
        .increment();
  }
}
