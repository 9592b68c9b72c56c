package org.workspaceportal.workspace.engine;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import org.workspaceportal.scheduling.JobScheduler;
import org.workspaceportal.scheduling.RecurringTasks;
import org.workspaceportal.workspace.WorkspaceRepository;
import org.workspaceportal.workspace.WorkspaceStatus;

/**
 * Gives a workspace that needs work its job back when none is queued (the portal died between
 * committing a status and queueing the job), on one instance at a time.
 */
@Configuration(proxyBeanMethods = false)
class JobRecovery {

  private static final Logger log = LoggerFactory.getLogger(JobRecovery.class);

  private final WorkspaceRepository workspaces;
  private final TransactionTemplate tx;
  private final JobScheduler scheduler;

  JobRecovery(WorkspaceRepository workspaces, TransactionTemplate tx, JobScheduler scheduler) {
    this.workspaces = workspaces;
    this.tx = tx;
    this.scheduler = scheduler;
  }

  @Bean
  RecurringTask<Void> workspaceReconcilerTask(EngineProperties properties) {
    // the task's name stays what it was: it is the row db-scheduler keeps for it
    return RecurringTasks.every(
        "workspace-reconciler", properties.reconcileInterval(), this::recoverLostJobs);
  }

  void recoverLostJobs() {
    List<UUID> busy = tx.execute(status -> workspaces.findIdsByStatusIn(WorkspaceStatus.busy()));
    for (UUID id : busy) {
      if (scheduler.queue(WorkspaceJob.instance(id))) {
        log.warn("Workspace {} needed work without a queued job; queued it again", id);
      }
    }
  }
}
