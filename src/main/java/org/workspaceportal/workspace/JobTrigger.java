package org.workspaceportal.workspace;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.workspaceportal.workspace.WorkspaceEvents.WorkspaceStatusChanged;

/**
 * Queues a workspace's job once a status that needs work (one an {@link Operation} runs in:
 * APPROVED, DELETING) is committed. Queueing after the commit means a job never starts on a status
 * it cannot see yet; if the portal dies in between, the {@link Reconciler} queues it.
 */
@Component
class JobTrigger {

  private final JobScheduler scheduler;

  JobTrigger(JobScheduler scheduler) {
    this.scheduler = scheduler;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(WorkspaceStatusChanged event) {
    // APPROVED to PROVISIONING is the job's own move, made while it runs (and queueing from its
    // transaction's commit would take a second connection per job thread)
    boolean sameOperation =
        event.from() != null
            && Operation.runningIn(event.from()).equals(Operation.runningIn(event.to()));
    if (event.to().isBusy() && !sameOperation) {
      scheduler.trigger(event.id());
    }
  }
}
