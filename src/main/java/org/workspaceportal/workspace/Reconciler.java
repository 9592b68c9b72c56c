package org.workspaceportal.workspace;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Repairs what falls between the cracks, on one instance at a time (a db-scheduler recurring task):
 * a busy workspace whose job is not queued (the portal died between committing a status and
 * queueing its job) gets its job back; a workspace past its expiry is deleted.
 */
@Component
class Reconciler {

  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

  private final WorkspaceService workspaces;

  Reconciler(WorkspaceService workspaces) {
    this.workspaces = workspaces;
  }

  RecurringTask<Void> task(Duration interval) {
    return Tasks.recurring("workspace-reconciler", Schedules.fixedDelay(interval))
        .execute((instance, context) -> reconcile(context.getSchedulerClient()));
  }

  void reconcile(SchedulerClient scheduler) {
    for (UUID id : workspaces.busyWorkspaceIds()) {
      if (scheduler.scheduleIfNotExists(WorkspaceJob.instance(id))) {
        log.warn("Workspace {} was busy without a queued job; queued it again", id);
      }
    }
    for (UUID id : workspaces.expiredWorkspaceIds()) {
      try {
        workspaces.expire(id);
        log.info("Workspace {} expired; deleting it", id);
      } catch (RuntimeException e) {
        log.warn("Could not expire workspace {}: {}", id, e.getMessage());
      }
    }
  }
}
