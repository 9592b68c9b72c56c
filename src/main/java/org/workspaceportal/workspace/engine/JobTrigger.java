package org.workspaceportal.workspace.engine;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.workspaceportal.scheduling.JobScheduler;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.WorkspaceEvents.WorkspaceStatusChanged;

/**
 * Queues a workspace's job once a status that asks for work (one that queues an {@link Operation}:
 * APPROVED, STOPPING, DELETING…) is committed. Queueing after the commit means a job never starts
 * on a status it cannot see yet; if the portal dies in between, the {@link JobRecovery} queues it.
 */
@Component
class JobTrigger {

  private final JobScheduler scheduler;

  JobTrigger(JobScheduler scheduler) {
    this.scheduler = scheduler;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(WorkspaceStatusChanged event) {
    if (Operation.queuedBy(event.to())) {
      scheduler.queue(WorkspaceJob.instance(event.id()));
    }
  }
}
